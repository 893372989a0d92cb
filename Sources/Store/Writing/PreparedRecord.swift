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
    /// The record as read, decoded as UTF-8 (invalid sequences shown as U+FFFD).
    public var rawContent: String
    /// The record's exact bytes when they are not valid UTF-8 (a Latin-1 byte, a broken
    /// sequence), so that the raw record can be written back byte for byte; `nil` when
    /// `rawContent`'s UTF-8 is already exactly the bytes read.
    public var rawBytes: [UInt8]?
    public var outcome: Outcome

    public init(locator: String, line: Int?, rawContent: String, rawBytes: [UInt8]? = nil, outcome: Outcome) {
        self.locator = locator
        self.line = line
        self.rawContent = rawContent
        self.rawBytes = rawBytes
        self.outcome = outcome
    }
}
