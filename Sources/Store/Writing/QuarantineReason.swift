/// Why a record was rejected, for the quarantine ledger.
public struct QuarantineReason: Sendable, Hashable, Codable {
    /// Stable machine-readable code, e.g. `"formula.unknown_element"`.
    public var code: String
    /// Human-readable explanation.
    public var message: String
    /// The field of the record at fault, if known.
    public var field: String?
    /// 1-based character position within `field`, if known.
    public var position: Int?
    /// Version of the rule that rejected the record.
    public var ruleVersion: String

    public init(code: String, message: String, field: String?, position: Int?, ruleVersion: String) {
        self.code = code
        self.message = message
        self.field = field
        self.position = position
        self.ruleVersion = ruleVersion
    }
}
