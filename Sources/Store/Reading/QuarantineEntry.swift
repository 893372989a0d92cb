/// One quarantined record with everything needed to find and fix it: where it came from,
/// its raw text, and why it was rejected.
public struct QuarantineEntry: Sendable, Equatable, Codable {
    public var id: Int
    public var runId: Int
    public var sourceKind: String
    public var sourceName: String
    public var filePath: String
    public var locator: String
    public var line: Int?
    public var rawContent: String
    public var reasonCode: String
    public var message: String
    public var field: String?
    /// 1-based character position within `field`.
    public var position: Int?
    public var ruleVersion: String

    public init(
        id: Int, runId: Int, sourceKind: String, sourceName: String, filePath: String, locator: String,
        line: Int?, rawContent: String, reasonCode: String, message: String, field: String?,
        position: Int?, ruleVersion: String
    ) {
        self.id = id
        self.runId = runId
        self.sourceKind = sourceKind
        self.sourceName = sourceName
        self.filePath = filePath
        self.locator = locator
        self.line = line
        self.rawContent = rawContent
        self.reasonCode = reasonCode
        self.message = message
        self.field = field
        self.position = position
        self.ruleVersion = ruleVersion
    }
}
