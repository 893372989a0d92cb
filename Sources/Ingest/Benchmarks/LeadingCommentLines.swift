/// Strips a UTF-8 byte-order mark and the `#` comment lines at the start of a byte stream fed
/// chunk by chunk, keeping the comments; everything from the first other line passes through.
struct LeadingCommentLines {
    private(set) var comments: [String] = []
    private var pending: [UInt8] = []
    private var started = false
    private var passing = false

    /// The bytes of `chunk` that belong to the table.
    mutating func feed(_ chunk: [UInt8]) -> ArraySlice<UInt8> {
        if passing { return chunk[...] }
        pending += chunk
        return advance(final: false)
    }

    /// What is still held back once the stream has ended.
    mutating func finish() -> ArraySlice<UInt8> {
        if passing { return [] }
        return advance(final: true)
    }

    private mutating func advance(final: Bool) -> ArraySlice<UInt8> {
        var start = 0
        if !started {
            if pending.count < 3, !final, [0xEF, 0xBB, 0xBF].starts(with: pending) { return [] }
            if pending.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
            started = true
        }
        while start < pending.count, pending[start] == UInt8(ascii: "#") {
            guard let end = pending[start...].firstIndex(of: 0x0A) else {
                if !final {
                    pending.removeFirst(start)
                    return []
                }
                comments.append(Self.trimmed(pending[start...]))
                start = pending.count
                break
            }
            comments.append(Self.trimmed(pending[start..<end]))
            start = end + 1
        }
        if start == pending.count, !final {
            pending.removeAll()
            return []
        }
        passing = true
        let rest = pending[start...]
        pending = []
        return rest
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
