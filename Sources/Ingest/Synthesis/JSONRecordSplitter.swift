import Foundation

/// Finds the byte ranges of the records of a JSON document without building a tree: either the
/// elements of a top-level array, or the elements of the array under one key of a top-level
/// object (`{"release_date": ..., "reactions": [...]}`). Each record's exact text can then be
/// kept as the raw record and decoded on its own.
struct JSONRecordSplitter {
    /// What the splitter found.
    struct Layout {
        /// Byte range of each record.
        var records: [Range<Int>]
        /// Top-level string members of the enclosing object (`release_date`), when there is one.
        var topLevelStrings: [String: String]
    }

    /// A structural problem: the document is not JSON of the expected shape.
    struct Failure: Error {
        let offset: Int
        let message: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Splits `bytes`; `key` names the array member of a top-level object.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, key: String) throws(Failure) -> Layout {
        var splitter = JSONRecordSplitter(bytes: bytes)
        return try splitter.run(key: key)
    }

    private mutating func run(key: String) throws(Failure) -> Layout {
        skipWhitespace()
        // A UTF-8 byte-order mark is tolerated.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, index == 0 { index = 3; skipWhitespace() }
        guard index < bytes.count else { throw Failure(offset: index, message: "the file is empty") }
        var layout = Layout(records: [], topLevelStrings: [:])
        var found = false
        if bytes[index] == UInt8(ascii: "[") {
            layout.records = try arrayElements()
            found = true
        } else if bytes[index] == UInt8(ascii: "{") {
            index += 1
            skipWhitespace()
            if peek() == UInt8(ascii: "}") { index += 1 }
            else {
                while true {
                    skipWhitespace()
                    let name = try string()
                    skipWhitespace()
                    try expect(":")
                    skipWhitespace()
                    if name == key, peek() == UInt8(ascii: "[") {
                        layout.records = try arrayElements()
                        found = true
                    } else if peek() == UInt8(ascii: "\"") {
                        layout.topLevelStrings[name] = try string()
                    } else {
                        try skipValue()
                    }
                    skipWhitespace()
                    if peek() == UInt8(ascii: ",") { index += 1; continue }
                    try expect("}")
                    break
                }
            }
        } else {
            throw Failure(offset: index, message: "expected a JSON array or object")
        }
        skipWhitespace()
        guard index == bytes.count else { throw Failure(offset: index, message: "unexpected text after the JSON document") }
        guard found else { throw Failure(offset: 0, message: "no \"\(key)\" array in the top-level object") }
        return layout
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func expect(_ character: Unicode.Scalar) throws(Failure) {
        guard peek() == UInt8(ascii: character) else {
            throw Failure(offset: index, message: index < bytes.count ? "expected \"\(character)\"" : "the document ends early (truncated?)")
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Elements of the array starting at `index`.
    private mutating func arrayElements() throws(Failure) -> [Range<Int>] {
        try expect("[")
        var ranges: [Range<Int>] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { index += 1; return ranges }
        while true {
            skipWhitespace()
            let start = index
            try skipValue()
            ranges.append(start..<index)
            skipWhitespace()
            if peek() == UInt8(ascii: ",") { index += 1; continue }
            try expect("]")
            return ranges
        }
    }

    /// A string literal's decoded text (escapes other than `\"` and `\\` are kept verbatim; keys are plain).
    private mutating func string() throws(Failure) -> String {
        let start = index
        try skipString()
        var text = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(index - 1)]), as: UTF8.self)
        if text.contains("\\") { text = text.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\") }
        return text
    }

    private mutating func skipString() throws(Failure) {
        try expect("\"")
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): index += 1; return
            default: index += 1
            }
        }
        throw Failure(offset: index, message: "unterminated string (truncated?)")
    }

    /// Skips one value of any kind, checking only bracket nesting and string termination.
    private mutating func skipValue() throws(Failure) {
        guard let first = peek() else { throw Failure(offset: index, message: "the document ends early (truncated?)") }
        switch first {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var stack: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    try skipString()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard stack.count < JSONNesting.maxDepth else { throw Failure(offset: index, message: JSONNesting.tooDeep()) }
                    stack.append(byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]"))
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    guard stack.last == byte else { throw Failure(offset: index, message: "mismatched bracket") }
                    stack.removeLast()
                    if stack.isEmpty { index += 1; return }
                default: break
                }
                index += 1
            }
            throw Failure(offset: index, message: "the document ends inside a value (truncated?)")
        default:
            let start = index
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), 0x20, 0x09, 0x0A, 0x0D:
                    guard index > start else { throw Failure(offset: index, message: "expected a value") }
                    return
                default: index += 1
                }
            }
        }
    }
}
