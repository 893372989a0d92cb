/// One row of `ingest_runs` with its source spelled out.
public struct IngestRunRecord: Sendable, Equatable, Codable {
    public var id: Int
    public var sourceKind: String
    public var sourceName: String
    public var sourceLayout: String
    public var filePath: String
    public var fileSha256: String
    public var fileSize: Int
    public var toolVersion: String
    public var parserVersion: String
    /// The parser options the run was made with.
    public var options: [String: String]
    /// Always `"completed"` for a committed run.
    public var status: String
    /// ISO-8601 UTC.
    public var startedAt: String
    /// ISO-8601 UTC.
    public var finishedAt: String?
    public var readCount: Int
    public var storedCount: Int
    public var duplicateCount: Int
    public var quarantinedCount: Int

    public init(
        id: Int, sourceKind: String, sourceName: String, sourceLayout: String, filePath: String,
        fileSha256: String, fileSize: Int, toolVersion: String, parserVersion: String,
        options: [String: String], status: String, startedAt: String, finishedAt: String?,
        readCount: Int, storedCount: Int, duplicateCount: Int, quarantinedCount: Int
    ) {
        self.id = id
        self.sourceKind = sourceKind
        self.sourceName = sourceName
        self.sourceLayout = sourceLayout
        self.filePath = filePath
        self.fileSha256 = fileSha256
        self.fileSize = fileSize
        self.toolVersion = toolVersion
        self.parserVersion = parserVersion
        self.options = options
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.readCount = readCount
        self.storedCount = storedCount
        self.duplicateCount = duplicateCount
        self.quarantinedCount = quarantinedCount
    }
}
