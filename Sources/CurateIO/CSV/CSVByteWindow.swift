#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file plus a sliding window of its bytes.
///
/// Bytes `[0, count)` of `base` are valid; `base[0]` is file offset
/// `baseFileOffset`. `readMore(keepFrom:)` discards what the caller no longer
/// needs, grows the buffer only when the retained bytes fill it, and reads at
/// most `chunkSize` bytes, so memory is bounded by what the caller retains.
final class CSVByteWindow {
    struct IOFailure: Error {
        let reason: String
    }

    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private(set) var capacity: Int
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private(set) var atEOF = false
    @exclusivity(unchecked) private(set) var baseFileOffset = 0
    private var fd: Int32
    private let chunkSize: Int
    private let isRegularFile: Bool

    /// Opens `path` for reading. Directories are refused.
    init(path: String, chunkSize: Int, initialCapacity: Int) throws(CSVError) {
        let fd = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                throw .fileNotFound(path: path)
            }
            throw .notReadable(path: path, reason: Self.message(for: code))
        }
        var info = stat()
        if fstat(fd, &info) != 0 {
            let code = errno
            _ = close(fd)
            throw .notReadable(path: path, reason: Self.message(for: code))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            _ = close(fd)
            throw .notReadable(path: path, reason: "is a directory")
        }
        self.fd = fd
        self.isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
        self.chunkSize = max(1, chunkSize)
        self.capacity = max(16, initialCapacity)
        self.base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit {
        closeFile()
        base.deallocate()
    }

    /// Drops bytes before `keepFrom` when space is short, then performs one read.
    /// Returns how many bytes were dropped from the front (indices shift down by it).
    /// At end of file sets `atEOF` and closes the descriptor.
    func readMore(keepFrom: Int) throws(IOFailure) -> Int {
        let keepFrom = min(max(0, keepFrom), count)
        var shift = 0
        if capacity - count < chunkSize {
            if keepFrom > 0 {
                let kept = count - keepFrom
                if kept > 0 { memmove(base, base + keepFrom, kept) }
                count = kept
                baseFileOffset += keepFrom
                shift = keepFrom
            }
            let free = capacity - count
            if free == 0 || (free < chunkSize && free < capacity / 2) {
                grow(to: max(capacity * 2, count + chunkSize))
            }
        }
        guard !atEOF else { return shift }
        let want = min(chunkSize, capacity - count)
        while true {
            let n = read(fd, base + count, want)
            if n > 0 {
                count += n
                return shift
            }
            if n == 0 {
                atEOF = true
                closeFile()
                return shift
            }
            let code = errno
            if code == EINTR || code == EAGAIN { continue }
            throw IOFailure(reason: Self.message(for: code))
        }
    }

    /// The first `size` bytes of the file (fewer if it is shorter), without
    /// disturbing the window: regular files are sampled with `pread(2)`; for
    /// pipes and devices the window is filled instead (up to its capacity).
    func sample(size: Int) throws(IOFailure) -> [UInt8] {
        if !isRegularFile {
            while count < min(size, capacity), !atEOF {
                _ = try readMore(keepFrom: 0)
            }
            return Array(UnsafeBufferPointer(start: base, count: min(count, size)))
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        var failure: Int32 = 0
        bytes.withUnsafeMutableBytes { buffer in
            guard let start = buffer.baseAddress else { return }
            while filled < size {
                let n = pread(fd, start + filled, size - filled, off_t(filled))
                if n > 0 {
                    filled += n
                } else if n == 0 {
                    break
                } else if errno != EINTR && errno != EAGAIN {
                    failure = errno
                    break
                }
            }
        }
        if failure != 0 { throw IOFailure(reason: Self.message(for: failure)) }
        bytes.removeLast(size - filled)
        return bytes
    }

    private func grow(to newCapacity: Int) {
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    private func closeFile() {
        if fd >= 0 {
            _ = close(fd)
            fd = -1
        }
    }

    private static func message(for code: Int32) -> String {
        if let text = strerror(code) { return String(cString: text) }
        return "errno \(code)"
    }
}
