#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Store

/// SHA-256 and size of a file, read in chunks (constant memory).
public enum FileDigest {
    /// Hashes the file at `path`.
    public static func compute(path: String) throws(IngestError) -> IngestFileInfo {
        try RegularFile.check(path)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var hasher = SHA256Hasher()
        var size = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            size += count
            buffer.withUnsafeBytes { raw in hasher.update(UnsafeRawBufferPointer(rebasing: raw[0..<count])) }
        }
        return IngestFileInfo(path: path, sha256: hasher.finalizeHex(), size: size)
    }
}
