import Foundation

/// Finds the byte ranges of the parts of a JSON document without building a tree: the root
/// value, the elements of an array, the members of an object. Each record's exact text can then
/// be kept as the raw record and decoded on its own, so one malformed record is quarantined
/// instead of failing the file, while a truncated document (unbalanced brackets, an
/// unterminated string, text after the root) is refused as a whole.
struct JSONDocumentScanner {
    /// A structural problem at a byte offset.
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let message: String
        var description: String { "\(message) at byte \(offset)" }
    }

    /// One member of an object: its decoded key and the byte range of its value.
    struct Member {
        let key: String
        let value: Range<Int>
    }

    let bytes: [UInt8]

    /// The byte range of the root value; refuses an empty document and trailing text.
    func root() throws(Failure) -> Range<Int> {
        var index = skipWhitespace(from: 0)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = skipWhitespace(from: 3) }
        guard index < bytes.count else { throw Failure(offset: index, message: "the file is empty") }
        let end = try skipValue(from: index)
        let after = skipWhitespace(from: end)
        guard after == bytes.count else { throw Failure(offset: after, message: "unexpected text after the JSON document") }
        return index..<end
    }

    /// Whether the value at `range` is an array (`[`) or an object (`{`).
    func opens(_ range: Range<Int>, with character: Unicode.Scalar) -> Bool {
        range.lowerBound < bytes.count && bytes[range.lowerBound] == UInt8(ascii: character)
    }

    /// The elements of the array at `range`.
    func elements(of range: Range<Int>) throws(Failure) -> [Range<Int>] {
        var index = range.lowerBound
        try expect("[", at: index)
        index = skipWhitespace(from: index + 1)
        var result: [Range<Int>] = []
        if peek(index) == UInt8(ascii: "]") { return result }
        while true {
            index = skipWhitespace(from: index)
            let end = try skipValue(from: index)
            result.append(index..<end)
            index = skipWhitespace(from: end)
            if peek(index) == UInt8(ascii: ",") { index += 1; continue }
            try expect("]", at: index)
            return result
        }
    }

    /// The members of the object at `range`, in document order.
    func members(of range: Range<Int>) throws(Failure) -> [Member] {
        var index = range.lowerBound
        try expect("{", at: index)
        index = skipWhitespace(from: index + 1)
        var result: [Member] = []
        if peek(index) == UInt8(ascii: "}") { return result }
        while true {
            index = skipWhitespace(from: index)
            let keyEnd = try skipString(from: index)
            let key = decodeString(index..<keyEnd)
            index = skipWhitespace(from: keyEnd)
            try expect(":", at: index)
            index = skipWhitespace(from: index + 1)
            let end = try skipValue(from: index)
            result.append(Member(key: key, value: index..<end))
            index = skipWhitespace(from: end)
            if peek(index) == UInt8(ascii: ",") { index += 1; continue }
            try expect("}", at: index)
            return result
        }
    }

    /// The member `key` of the object at `range`, if present.
    func member(_ key: String, of range: Range<Int>) -> Range<Int>? {
        guard opens(range, with: "{"), let members = try? members(of: range) else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The exact text of `range`.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The bytes of `range` as `Data`, for a JSON decoder.
    func data(_ range: Range<Int>) -> Data {
        Data(bytes[range])
    }

    // MARK: - Scanning

    private func peek(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func expect(_ character: Unicode.Scalar, at index: Int) throws(Failure) {
        guard peek(index) == UInt8(ascii: character) else {
            throw Failure(offset: index, message: index < bytes.count
                          ? "expected \"\(character)\"" : "the document ends early (truncated?)")
        }
    }

    private func skipWhitespace(from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return index
            }
        }
        return index
    }

    /// One past the closing quote of the string starting at `start`.
    private func skipString(from start: Int) throws(Failure) -> Int {
        try expect("\"", at: start)
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        throw Failure(offset: index, message: "unterminated string (truncated?)")
    }

    /// One past the value starting at `start`, checking bracket nesting and string termination.
    private func skipValue(from start: Int) throws(Failure) -> Int {
        guard let first = peek(start) else { throw Failure(offset: start, message: "the document ends early (truncated?)") }
        switch first {
        case UInt8(ascii: "\""):
            return try skipString(from: start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var stack: [UInt8] = []
            var index = start
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index = try skipString(from: index)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard stack.count < JSONNesting.maxDepth else { throw Failure(offset: index, message: JSONNesting.tooDeep()) }
                    stack.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard stack.last == byte else { throw Failure(offset: index, message: "mismatched bracket") }
                    stack.removeLast()
                    if stack.isEmpty { return index + 1 }
                default: break
                }
                index += 1
            }
            throw Failure(offset: index, message: "the document ends inside a value (truncated?)")
        default:
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D:
                    guard index > start else { throw Failure(offset: index, message: "expected a value") }
                    return index
                default: index += 1
                }
            }
            return index
        }
    }

    /// The decoded text of the string literal at `range` (quotes included).
    private func decodeString(_ range: Range<Int>) -> String {
        let inner = bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]
        if !inner.contains(UInt8(ascii: "\\")) { return String(decoding: inner, as: UTF8.self) }
        let decoded = try? JSONSerialization.jsonObject(with: Data(bytes[range]), options: [.fragmentsAllowed]) as? String
        return decoded ?? String(decoding: inner, as: UTF8.self)
    }
}
