import Chemistry

/// One input row: an identifier, a composition and (for training and evaluation) a target.
public struct RoostSample: Sendable {
    /// The row's identifier (the id column, else its line number).
    public let id: String
    /// The composition text as written.
    public let formula: String
    /// The parsed composition.
    public let composition: Composition
    /// The target value, when the file has a target column.
    public let target: Double?
    /// 1-based line in the source file.
    public let line: Int

    /// Creates a sample.
    public init(id: String, formula: String, composition: Composition, target: Double?, line: Int) {
        self.id = id
        self.formula = formula
        self.composition = composition
        self.target = target
        self.line = line
    }

    /// (atomic number, fraction) per element, by atomic number.
    public var elementFractions: [(z: Int, amount: Double)] {
        let total = composition.totalAmount
        return composition.entries.map { (z: Int($0.z), amount: $0.amount / total) }
    }
}
