import CurateIO
import Store

extension FileDigest {
    /// The digest of an input file, a read failure reported as `IngestError.unreadable`.
    static func ofInput(path: String) throws(IngestError) -> FileDigest {
        try RegularFile.check(path)
        do { return try compute(path: path) } catch {
            throw .unreadable(path: error.path, reason: error.reason)
        }
    }

    /// The digest as the store's description of an ingested file.
    var ingestFileInfo: IngestFileInfo { IngestFileInfo(path: path, sha256: sha256, size: size) }
}
