/// The file an ingest reads: its path as given, the lowercase hex SHA-256 of its bytes and
/// its size in bytes. The hash is what makes re-ingesting an unchanged file a no-op.
public struct IngestFileInfo: Sendable, Hashable, Codable {
    public var path: String
    public var sha256: String
    public var size: Int

    public init(path: String, sha256: String, size: Int) {
        self.path = path
        self.sha256 = sha256
        self.size = size
    }
}
