/// One input record as the ingester hands it to the store: where it came from, its raw
/// text (kept verbatim and immutable), and what became of it.
public struct PreparedRecord: Sendable, Equatable {
    /// What parsing made of the record.
    public enum Outcome: Sendable, Equatable {
        /// The record yields an observation (stored, or marked duplicate of an existing one).
        case observation(PreparedObservation)
        /// The record was rejected; the reason goes to the quarantine ledger.
        case quarantine(QuarantineReason)
    }

    /// Human-readable position in the file, e.g. `"line 12"` or `"entry 7 of data.json"`.
    public var locator: String
    /// 1-based line number where the record starts, when the format has lines.
    public var line: Int?
    /// The record exactly as read.
    public var rawContent: String
    public var outcome: Outcome

    public init(locator: String, line: Int?, rawContent: String, outcome: Outcome) {
        self.locator = locator
        self.line = line
        self.rawContent = rawContent
        self.outcome = outcome
    }
}
