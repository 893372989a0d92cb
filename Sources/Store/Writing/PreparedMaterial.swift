/// A material identity computed by the caller (the store does no chemistry).
/// Materials are shared across sources and keyed by `canonicalKey`; the first definition
/// stored for a key is kept.
public struct PreparedMaterial: Sendable, Hashable {
    /// The identity key, e.g. the reduced formula with amounts rounded at `keyTolerance`.
    public var canonicalKey: String
    public var reducedFormula: String
    public var hillFormula: String
    /// Elements joined by `-` in alphabetical order, e.g. `"Ba-Cu-O-Y"`.
    public var chemicalSystem: String
    public var anonymousFormula: String
    public var elementCount: Int
    /// JSON object of element → atomic fraction.
    public var fractionsJSON: String
    /// The tolerance used to build `canonicalKey` (recorded, per the spglib rule).
    public var keyTolerance: Double

    public init(
        canonicalKey: String, reducedFormula: String, hillFormula: String, chemicalSystem: String,
        anonymousFormula: String, elementCount: Int, fractionsJSON: String, keyTolerance: Double
    ) {
        self.canonicalKey = canonicalKey
        self.reducedFormula = reducedFormula
        self.hillFormula = hillFormula
        self.chemicalSystem = chemicalSystem
        self.anonymousFormula = anonymousFormula
        self.elementCount = elementCount
        self.fractionsJSON = fractionsJSON
        self.keyTolerance = keyTolerance
    }
}
