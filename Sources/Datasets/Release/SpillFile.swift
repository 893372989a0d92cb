import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text set aside on disk until it can be written in order: an anonymous temporary file
/// (`tmpfile`, unlinked at once, so a killed process leaves nothing behind).
final class SpillFile {
    private let file: UnsafeMutablePointer<FILE>

    init() throws {
        guard let file = tmpfile() else {
            throw DatasetError.release(path: "(temporary file)", message: "cannot create a temporary file (errno \(errno))")
        }
        self.file = file
    }

    deinit { fclose(file) }

    /// Appends `text` (UTF-8).
    func write(_ text: String) throws {
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == text.utf8.count else {
            throw DatasetError.release(path: "(temporary file)", message: "cannot write (errno \(errno))")
        }
    }

    /// Appends everything written so far to `target`.
    func copy(into target: StreamedFile) throws {
        fflush(file)
        rewind(file)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { try target.write(bytes: buffer[0..<count]) }
            if count < buffer.count { break }
        }
        guard ferror(file) == 0 else {
            throw DatasetError.release(path: "(temporary file)", message: "cannot read back (errno \(errno))")
        }
    }
}
