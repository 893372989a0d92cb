import CurateIO
import Foundation

/// SHA-256 (always) and MD5 (when asked) of a file, in one streaming pass.
struct PullDigests {
    var size: Int64
    var sha256: String
    var md5: String?

    static func of(_ path: String, md5 wantsMD5: Bool) throws(PullError) -> PullDigests {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .io(path: path, reason: "cannot open to hash") }
        defer { try? handle.close() }
        var sha = SHA256Hasher()
        var md5 = MD5Hasher()
        var size: Int64 = 0
        while true {
            let chunk: Data
            do { chunk = try handle.read(upToCount: 1 << 20) ?? Data() } catch { throw .io(path: path, reason: "cannot read to hash") }
            if chunk.isEmpty { break }
            size += Int64(chunk.count)
            chunk.withUnsafeBytes { bytes in
                sha.update(bytes)
                if wantsMD5 { md5.update(bytes) }
            }
        }
        return PullDigests(size: size, sha256: sha.finalizeHex(), md5: wantsMD5 ? md5.finalizeHex() : nil)
    }
}
