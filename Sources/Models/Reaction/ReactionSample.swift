import Chemistry

/// One reaction read from a release's `records.jsonl`: precursor compositions and the ordered
/// action sequence in, the target's element fractions out.
public struct ReactionSample: Sendable, Equatable {
    /// 1-based line of the record in its file.
    public let line: Int
    /// The record id.
    public let id: String
    /// The target's reduced formula.
    public let composition: String
    /// The source DOI (empty when absent).
    public let doi: String
    /// Split label (`train`, `test`, …).
    public let split: String
    /// Precursor reduced formulas, as released.
    public let precursors: [String]
    /// Parsed precursor compositions, in the order of `precursors`.
    public let precursorCompositions: [Composition]
    /// Action classes in order (`dry_mixing`, `heating`, …; unknown source types lower-cased).
    public let actions: [String]
    /// Target elements (atomic numbers) with their fractions, or `nil` when the record has no target.
    public let target: [(z: Int, fraction: Double)]?

    /// Creates a sample.
    public init(line: Int, id: String, composition: String, doi: String, split: String, precursors: [String],
                precursorCompositions: [Composition], actions: [String], target: [(z: Int, fraction: Double)]?) {
        self.line = line
        self.id = id
        self.composition = composition
        self.doi = doi
        self.split = split
        self.precursors = precursors
        self.precursorCompositions = precursorCompositions
        self.actions = actions
        self.target = target
    }

    /// The atomic numbers present in any precursor, ascending.
    public var precursorElements: [Int] {
        Array(Set(precursorCompositions.flatMap { $0.entries.map { Int($0.z) } })).sorted()
    }

    /// The elements the stage-1 classifier may predict (the alchemy mask): every precursor element
    /// plus oxygen, ascending.
    public var allowedElements: [Int] {
        Array(Set(precursorElements + [8])).sorted()
    }

    public static func == (a: ReactionSample, b: ReactionSample) -> Bool {
        a.line == b.line && a.id == b.id && a.split == b.split && a.precursors == b.precursors && a.actions == b.actions
            && a.target?.map(\.z) == b.target?.map(\.z) && a.target?.map(\.fraction) == b.target?.map(\.fraction)
    }
}
