import Foundation

/// Lines of a gzip-compressed text file, read in constant memory (one chunk plus one line).
///
/// Lines end at `\n`; a trailing `\r` is removed. Invalid UTF-8 is repaired with U+FFFD.
public final class GzipLineReader {
    private let reader: GzipReader
    private var pending: [UInt8] = []
    private var exhausted = false

    /// Opens `url`; throws `GzipError.cannotOpen` when it cannot be opened.
    public init(url: URL) throws(GzipError) {
        reader = try GzipReader(url: url)
    }

    /// The next line without its terminator, or nil at the end of the file.
    public func nextLine() throws(GzipError) -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > 0 && pending[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: pending[0..<end], as: UTF8.self)
                pending.removeSubrange(0...newline)
                return line
            }
            if exhausted {
                guard !pending.isEmpty else { return nil }
                let line = String(decoding: pending, as: UTF8.self)
                pending.removeAll()
                return line
            }
            if let chunk = try reader.nextChunk() { pending.append(contentsOf: chunk) } else { exhausted = true }
        }
    }
}
