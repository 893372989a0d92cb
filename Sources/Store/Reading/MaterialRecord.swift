/// One row of `materials`.
public struct MaterialRecord: Sendable, Equatable, Codable {
    public var id: Int
    public var canonicalKey: String
    public var reducedFormula: String
    public var hillFormula: String
    public var chemicalSystem: String
    public var anonymousFormula: String
    public var elementCount: Int
    public var fractionsJSON: String
    public var keyTolerance: Double

    public init(
        id: Int, canonicalKey: String, reducedFormula: String, hillFormula: String,
        chemicalSystem: String, anonymousFormula: String, elementCount: Int, fractionsJSON: String,
        keyTolerance: Double
    ) {
        self.id = id
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
