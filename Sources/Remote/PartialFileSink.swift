import Foundation

/// Where a transfer's body goes: `.NAME.part`, appended to when the server honours the resume
/// request (206), rewritten from byte 0 when it sends the whole file (200).
final class PartialFileSink {
    private let descriptor: Int32
    private let resumeFrom: Int64
    private var decided = false
    /// The server sent the whole file although part of it was held.
    private(set) var restarted = false
    /// The first local write failure.
    private(set) var error: String?

    init(path: String, resumeFrom: Int64) throws(PullError) {
        descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: path, reason: "cannot open: \(String(cString: strerror(errno)))") }
        self.resumeFrom = resumeFrom
    }

    /// Writes a chunk; false stops the transfer.
    func write(status: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        if !decided {
            decided = true
            if status == 206, resumeFrom > 0 {
                lseek(descriptor, off_t(resumeFrom), SEEK_SET)
            } else {
                ftruncate(descriptor, 0)
                lseek(descriptor, 0, SEEK_SET)
                restarted = resumeFrom > 0
            }
        }
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let written = Foundation.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                error = "write failed: \(String(cString: strerror(errno)))"
                return false
            }
            offset += written
        }
        return true
    }

    func close() { _ = Foundation.close(descriptor) }
}
