/// One released reaction: precursors and actions in, target composition out.
public struct ReactionRecord: Sendable, Equatable {
    /// Stable id: sha256 of the target key, the sorted precursor keys and the action sequence.
    public var id: String
    /// Target reduced formula and canonical key.
    public var target: String
    public var targetKey: String
    public var chemicalSystem: String
    /// Target elements with fractional amounts, alphabetical.
    public var targetFractions: [(symbol: String, fraction: Double)]
    /// Precursor reduced formulas and canonical keys, sorted by key.
    public var precursors: [String]
    public var precursorKeys: [String]
    /// Action classes in order: dry_mixing, solution_mixing, liquid_grinding, heating, drying,
    /// shaping, quenching (or the source's own type when unknown).
    public var actions: [String]
    public var doi: String
    /// `source:locator`.
    public var provenance: String
    /// Split label.
    public var split: String

    public static func == (a: ReactionRecord, b: ReactionRecord) -> Bool {
        a.id == b.id && a.split == b.split && a.provenance == b.provenance
    }
}

/// The seven action classes of the reaction-graph model, from the text-mined operation types.
public enum ReactionAction {
    static let classes: [String: String] = [
        "Mixing": "dry_mixing", "MixingOperation": "dry_mixing", "SolutionMixing": "solution_mixing",
        "LiquidGrinding": "liquid_grinding", "HeatingOperation": "heating", "DryingOperation": "drying",
        "ShapingOperation": "shaping", "QuenchingOperation": "quenching",
    ]

    /// The action class of an operation type (unknown types are kept, lower-cased).
    public static func of(_ type: String) -> String { classes[type] ?? type.lowercased() }
}
