/// One observation with its provenance (source, file, locator) and material identity.
public struct ObservationEntry: Sendable, Equatable, Codable {
    public var id: Int
    public var sourceKind: String
    public var sourceName: String
    public var filePath: String
    public var locator: String
    public var line: Int?
    public var formulaAsWritten: String
    public var property: String
    public var value: Double?
    public var unit: String?
    public var qualifier: String
    public var valueAsReported: String
    public var conditionsJSON: String?
    public var canonicalKey: String
    public var reducedFormula: String

    public init(
        id: Int, sourceKind: String, sourceName: String, filePath: String, locator: String, line: Int?,
        formulaAsWritten: String, property: String, value: Double?, unit: String?, qualifier: String,
        valueAsReported: String, conditionsJSON: String?, canonicalKey: String, reducedFormula: String
    ) {
        self.id = id
        self.sourceKind = sourceKind
        self.sourceName = sourceName
        self.filePath = filePath
        self.locator = locator
        self.line = line
        self.formulaAsWritten = formulaAsWritten
        self.property = property
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.valueAsReported = valueAsReported
        self.conditionsJSON = conditionsJSON
        self.canonicalKey = canonicalKey
        self.reducedFormula = reducedFormula
    }
}
