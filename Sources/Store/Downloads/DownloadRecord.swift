/// One pull of a remote file, as the store keeps it (table `downloads`).
public struct DownloadRecord: Sendable, Equatable, Codable {
    /// Row id; 0 before the row is written.
    public var id: Int
    /// The URL asked for.
    public var url: String
    /// The URL that answered, after redirects.
    public var effectiveURL: String
    /// Where the file is.
    public var filePath: String
    /// Its SHA-256.
    public var fileSHA256: String
    /// Its size in bytes.
    public var fileSize: Int64
    /// `downloaded`, `resumed`, `restarted` or `unchanged`.
    public var outcome: String
    /// The checksum it was verified against (`sha256:…`, `md5:…`), if any.
    public var verified: String?
    /// The catalogue entry it was pulled as, if any.
    public var catalogueName: String?
    /// Response headers kept, by lowercase name.
    public var headers: [String: String]
    /// Body bytes transferred.
    public var transferred: Int64
    /// When, ISO 8601 UTC.
    public var pulledAt: String

    /// Creates a record.
    public init(id: Int = 0, url: String, effectiveURL: String, filePath: String, fileSHA256: String, fileSize: Int64,
                outcome: String, verified: String?, catalogueName: String?, headers: [String: String], transferred: Int64,
                pulledAt: String) {
        self.id = id
        self.url = url
        self.effectiveURL = effectiveURL
        self.filePath = filePath
        self.fileSHA256 = fileSHA256
        self.fileSize = fileSize
        self.outcome = outcome
        self.verified = verified
        self.catalogueName = catalogueName
        self.headers = headers
        self.transferred = transferred
        self.pulledAt = pulledAt
    }
}
