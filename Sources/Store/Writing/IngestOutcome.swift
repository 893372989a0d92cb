/// What `ingest` did.
public enum IngestOutcome: Sendable, Equatable {
    /// A new run was written.
    case completed(IngestSummary)
    /// The same file (by SHA-256) was already ingested for this source with the same parser
    /// version; nothing was written.
    case unchanged(previous: IngestRunRecord)
}

/// Counts of one completed run. Invariant: `read == stored + duplicates + quarantined`.
public struct IngestSummary: Sendable, Equatable, Codable {
    public var runId: Int
    public var read: Int
    public var stored: Int
    public var duplicates: Int
    public var quarantined: Int
    /// Quarantined records per reason code; the values add up to `quarantined`.
    public var quarantineByReason: [String: Int]

    public init(runId: Int, read: Int, stored: Int, duplicates: Int, quarantined: Int, quarantineByReason: [String: Int]) {
        self.runId = runId
        self.read = read
        self.stored = stored
        self.duplicates = duplicates
        self.quarantined = quarantined
        self.quarantineByReason = quarantineByReason
    }

    /// True when every read record is accounted for.
    public var reconciles: Bool {
        read == stored + duplicates + quarantined && quarantineByReason.values.reduce(0, +) == quarantined
    }
}
