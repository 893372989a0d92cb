/// Counts over the whole store, for `curate stats`. Arrays are in a stable order.
public struct StoreStats: Sendable, Equatable, Codable {
    /// Per source, ordered by kind then name.
    public var sources: [SourceStats]
    /// Observations per (property, qualifier), ordered by property then qualifier.
    public var observationsByProperty: [PropertyQualifierCount]
    /// Quarantine rows per reason code, ordered by code.
    public var quarantineByReason: [ReasonCount]
    public var materialCount: Int

    public init(sources: [SourceStats], observationsByProperty: [PropertyQualifierCount],
                quarantineByReason: [ReasonCount], materialCount: Int) {
        self.sources = sources
        self.observationsByProperty = observationsByProperty
        self.quarantineByReason = quarantineByReason
        self.materialCount = materialCount
    }
}

/// Counts for one source. `rawRecords == observations + duplicates + quarantined`.
public struct SourceStats: Sendable, Equatable, Codable {
    public var kind: String
    public var name: String
    public var layout: String
    /// Completed ingest runs.
    public var runs: Int
    public var rawRecords: Int
    public var observations: Int
    public var duplicates: Int
    public var quarantined: Int

    public init(kind: String, name: String, layout: String, runs: Int, rawRecords: Int,
                observations: Int, duplicates: Int, quarantined: Int) {
        self.kind = kind
        self.name = name
        self.layout = layout
        self.runs = runs
        self.rawRecords = rawRecords
        self.observations = observations
        self.duplicates = duplicates
        self.quarantined = quarantined
    }
}

/// Number of observations of one property with one qualifier.
public struct PropertyQualifierCount: Sendable, Equatable, Codable {
    public var property: String
    public var qualifier: String
    public var count: Int

    public init(property: String, qualifier: String, count: Int) {
        self.property = property
        self.qualifier = qualifier
        self.count = count
    }
}

/// Number of quarantine rows with one reason code.
public struct ReasonCount: Sendable, Equatable, Codable {
    public var reasonCode: String
    public var count: Int

    public init(reasonCode: String, count: Int) {
        self.reasonCode = reasonCode
        self.count = count
    }
}
