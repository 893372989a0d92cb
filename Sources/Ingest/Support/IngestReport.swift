import Store

/// What one `curate ingest` did, printed as a line or as JSON.
///
/// Invariant for a completed run: `read == stored + duplicates + quarantined`.
public struct IngestReport: Sendable, Codable, Equatable {
    /// `completed` (a run was written) or `unchanged` (same file already ingested; nothing written).
    public var status: String
    /// Source kind, e.g. `supercon`.
    public var sourceKind: String
    /// Source name, e.g. `stanev-2018`.
    public var sourceName: String
    /// Detected layout.
    public var layout: String
    /// File read.
    public var file: String
    /// SHA-256 of the file.
    public var sha256: String
    /// Bytes.
    public var size: Int
    /// Run written (completed) or found (unchanged).
    public var runId: Int
    /// Records read.
    public var read: Int
    /// New observations.
    public var stored: Int
    /// Records identical to an observation already in the store for this source.
    public var duplicates: Int
    /// Records quarantined.
    public var quarantined: Int
    /// Quarantine count per reason code.
    public var quarantineByReason: [String: Int]
    /// Fields whose text was repaired (mis-decoded UTF-8, PDF spaces).
    public var repairedFields: Int

    enum CodingKeys: String, CodingKey {
        case status, layout, file, sha256, size, read, stored, duplicates, quarantined
        case sourceKind = "source_kind", sourceName = "source_name", runId = "run_id"
        case quarantineByReason = "quarantine_by_reason", repairedFields = "repaired_fields"
    }

    /// One-line human summary.
    public var summaryLine: String {
        if status == "unchanged" {
            return "unchanged: \(file) (sha256 \(sha256.prefix(12))…) was already ingested as run \(runId) of \(sourceKind)/\(sourceName); nothing written"
        }
        return "read \(read) = stored \(stored) + duplicates \(duplicates) + quarantined \(quarantined)  (\(sourceKind)/\(sourceName), layout \(layout), run \(runId))"
    }
}
