import Ingest

extension IngestReport {
    /// The report as `curate ingest` prints it: the summary line, then one line per
    /// quarantine reason, sorted.
    public var textLines: [String] {
        [summaryLine] + quarantineByReason.sorted { $0.key < $1.key }.map { "  quarantined \($0.key): \($0.value)" }
    }
}
