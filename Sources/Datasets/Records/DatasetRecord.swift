/// One released record: a curated material with its target, split label and provenance.
public struct DatasetRecord: Sendable, Equatable, Codable {
    /// Stable record id: the first 16 hex digits of sha256(`composition:` + canonical key).
    /// The same material gets the same id in every version of every dataset.
    public var id: String
    /// Reduced formula, readable by pymatgen and aviary (e.g. `La1.85Sr0.15CuO4`).
    public var composition: String
    /// Canonical composition key (fractions to 1e-6, elements alphabetical).
    public var canonicalKey: String
    /// Chemical system, elements alphabetical (`Cu-La-O-Sr`).
    public var chemicalSystem: String
    /// Formula prototype (`A2BC4`), elements in electronegativity order.
    public var prototype: String
    /// Element symbols, alphabetical.
    public var elements: [String]
    /// Target value (a censored label mapped to a number by the spec keeps its qualifier).
    public var target: Double
    /// `exact`, `aggregate`, or the censored qualifier the value stands for.
    public var qualifier: String
    /// Number of observations behind the target.
    public var measurements: Int
    /// max − min of the observations (nil for one).
    public var spread: Double?
    /// Whether curation flagged the observations for disagreeing.
    public var flagged: Bool
    /// Source names of the observations, sorted.
    public var sources: [String]
    /// `source:locator` of every observation, sorted (e.g. `stanev-2018:line 12`).
    public var provenance: [String]
    /// Source entry ids of the observations (e.g. `mp-1234`), sorted; empty when the source has none.
    public var entryIds: [String]
    /// Split label: `train`, `validation`, `test`, `fold-i` or `cluster-i`.
    public var split: String
    /// Inner fold (nested k-fold only).
    public var innerFold: Int?
    /// Canonical protostructure label (protostructure-tier datasets; nil otherwise).
    public var protostructure: String? = nil
    /// Values of the attribute an attribute holdout splits on (sorted, distinct; nil otherwise).
    public var attributeValues: [String]?
}
