#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-256 and size of a file, read in chunks (constant memory).
public struct FileDigest: Sendable, Hashable {
    /// Why a file could not be hashed.
    public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): cannot read: \(reason)" }
    }

    /// The path as given.
    public let path: String
    /// Lowercase hex SHA-256 of the file's bytes.
    public let sha256: String
    /// Size in bytes.
    public let size: Int

    /// Hashes the file at `path`.
    public static func compute(path: String) throws(ReadError) -> FileDigest {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ReadError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var hasher = SHA256Hasher()
        var size = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            size += count
            buffer.withUnsafeBytes { raw in hasher.update(UnsafeRawBufferPointer(rebasing: raw[0..<count])) }
        }
        return FileDigest(path: path, sha256: hasher.finalizeHex(), size: size)
    }
}
