/// One measured or computed property value of a material, ready to store.
public struct PreparedObservation: Sendable, Equatable {
    public var material: PreparedMaterial
    /// The formula exactly as the source wrote it.
    public var formulaAsWritten: String
    /// JSON object of element → amount as parsed (not reduced).
    public var compositionJSON: String
    /// Property name, e.g. `"tc"`.
    public var property: String
    /// The normalised value, or nil when there is none (e.g. not superconducting).
    public var value: Double?
    /// Unit of `value`, e.g. `"K"`.
    public var unit: String?
    /// How to read `value`: `"exact"`, `"censored"`, `"not_superconducting"`, …
    public var qualifier: String
    /// The value field as the source wrote it.
    public var valueAsReported: String
    /// JSON object of measurement conditions (e.g. pressure), if any.
    public var conditionsJSON: String?
    /// JSON object of anything else worth keeping from the record.
    public var metadataJSON: String?
    /// Identity of the observation within its source; a second record with the same key is
    /// stored as a duplicate of the first.
    public var dedupKey: String

    public init(
        material: PreparedMaterial, formulaAsWritten: String, compositionJSON: String,
        property: String, value: Double?, unit: String?, qualifier: String, valueAsReported: String,
        conditionsJSON: String?, metadataJSON: String?, dedupKey: String
    ) {
        self.material = material
        self.formulaAsWritten = formulaAsWritten
        self.compositionJSON = compositionJSON
        self.property = property
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.valueAsReported = valueAsReported
        self.conditionsJSON = conditionsJSON
        self.metadataJSON = metadataJSON
        self.dedupKey = dedupKey
    }
}
