/// What a pull did, for the caller and for the store's download record.
public struct PullResult: Sendable, Equatable, Codable {
    /// `downloaded`, `resumed`, `restarted` (the server ignored Range) or `unchanged` (304).
    public var outcome: String
    /// The URL asked for.
    public var url: String
    /// The URL that answered, after redirects.
    public var effectiveURL: String
    /// Redirects followed.
    public var redirects: Int
    /// The file under its final name.
    public var path: String
    /// Its size in bytes.
    public var size: Int64
    /// Its SHA-256.
    public var sha256: String
    /// Its MD5, when an md5 checksum was asked for.
    public var md5: String?
    /// The checksum it was verified against, if any.
    public var verified: ExpectedDigest?
    /// Body bytes this pull transferred (0 for `unchanged`).
    public var transferred: Int64
    /// Response headers worth keeping (etag, last-modified, content-type, content-length, …).
    public var headers: [String: String]
    /// When the pull finished, ISO 8601 UTC.
    public var pulledAt: String
    /// Things the user should know (a restart because Range was ignored, …).
    public var notes: [String]
}
