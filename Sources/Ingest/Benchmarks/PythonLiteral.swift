import Foundation

/// Python literal text (what `repr()` of a dict of lists, strings, numbers, `True/False/None`
/// writes, as in matminer's older CSV files) rewritten as JSON text, so the project's JSON
/// readers can take it.
///
/// Single- and double-quoted strings become JSON strings (Python escapes `\'`, `\\`, `\n`,
/// `\t`, `\r`, `\xNN`, `\uNNNN` understood); `True`, `False`, `None` become `true`, `false`,
/// `null` (JSON's own spellings pass too); tuples become arrays; `nan`, `inf`, `-inf` become
/// `null`. Anything else (a call such as `array(...)`, an unbalanced bracket, an unterminated
/// string) is refused with the 1-based character position of the fault.
enum PythonLiteral {
    /// Why a text is not a Python literal, and where.
    struct Failure: Error, CustomStringConvertible {
        /// 1-based byte position in the text.
        let position: Int
        let message: String
        var description: String { "\(message) at character \(position)" }
    }

    /// The JSON text of the Python literal `text`.
    static func json(_ text: String) throws(Failure) -> String {
        var rewriter = Rewriter(bytes: Array(text.utf8))
        return try rewriter.run()
    }

    /// Whether the literal's first significant character opens a dict.
    static func isDict(_ text: String) -> Bool {
        text.utf8.first(where: { !Rewriter.isSpace($0) }) == UInt8(ascii: "{")
    }

    private struct Rewriter {
        let bytes: [UInt8]
        var index = 0
        var output: [UInt8] = []
        var stack: [UInt8] = []

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        init(bytes: [UInt8]) {
            self.bytes = bytes
            output.reserveCapacity(bytes.count + 16)
        }

        mutating func run() throws(Failure) -> String {
            var sawValue = false
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case _ where Self.isSpace(byte):
                    output.append(byte)
                    index += 1
                case UInt8(ascii: "'"), UInt8(ascii: "\""):
                    try string(quote: byte)
                    sawValue = true
                case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "("):
                    stack.append(byte)
                    output.append(byte == UInt8(ascii: "(") ? UInt8(ascii: "[") : byte)
                    index += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ")"):
                    let opener: UInt8 = byte == UInt8(ascii: "}") ? UInt8(ascii: "{") : byte == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "(")
                    guard stack.last == opener else {
                        throw Failure(position: index + 1, message: "unbalanced '\(Character(Unicode.Scalar(byte)))'")
                    }
                    stack.removeLast()
                    // A trailing comma (`(1,)`, `[1, 2,]`) is legal Python, not JSON.
                    if let last = output.lastIndex(where: { !Self.isSpace($0) }), output[last] == UInt8(ascii: ",") {
                        output.remove(at: last)
                    }
                    output.append(byte == UInt8(ascii: ")") ? UInt8(ascii: "]") : byte)
                    index += 1
                case UInt8(ascii: ","), UInt8(ascii: ":"):
                    guard !stack.isEmpty else {
                        throw Failure(position: index + 1, message: "'\(Character(Unicode.Scalar(byte)))' outside any dict or list")
                    }
                    output.append(byte)
                    index += 1
                case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    try number()
                    sawValue = true
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"):
                    try word()
                    sawValue = true
                default:
                    throw Failure(position: index + 1, message: "unexpected character '\(Character(Unicode.Scalar(byte)))'")
                }
            }
            if let open = stack.last {
                throw Failure(position: bytes.count, message: "the text ends inside '\(Character(Unicode.Scalar(open)))' (truncated?)")
            }
            guard sawValue else { throw Failure(position: 1, message: "the text holds no value") }
            return String(decoding: output, as: UTF8.self)
        }

        /// A quoted string, rewritten with double quotes and JSON escapes.
        mutating func string(quote: UInt8) throws(Failure) {
            let start = index
            index += 1
            output.append(UInt8(ascii: "\""))
            while index < bytes.count {
                let byte = bytes[index]
                if byte == quote {
                    output.append(UInt8(ascii: "\""))
                    index += 1
                    return
                }
                if byte == 0x0A || byte == 0x0D {
                    throw Failure(position: start + 1, message: "string not closed on its line")
                }
                if byte == UInt8(ascii: "\\") {
                    try escape()
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    output.append(contentsOf: [UInt8(ascii: "\\"), byte])
                } else if byte < 0x20 {
                    output.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
                } else {
                    output.append(byte)
                }
                index += 1
            }
            throw Failure(position: start + 1, message: "string not closed (truncated?)")
        }

        /// One backslash escape inside a string; `index` is at the backslash.
        mutating func escape() throws(Failure) {
            guard index + 1 < bytes.count else { throw Failure(position: index + 1, message: "the text ends in an escape") }
            let next = bytes[index + 1]
            switch next {
            case UInt8(ascii: "'"): output.append(next)
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), next])
            case UInt8(ascii: "n"), UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "/"):
                output.append(contentsOf: [UInt8(ascii: "\\"), next])
            case UInt8(ascii: "x"), UInt8(ascii: "u"):
                let digits = next == UInt8(ascii: "x") ? 2 : 4
                let hex = bytes[min(bytes.count, index + 2)..<min(bytes.count, index + 2 + digits)]
                guard hex.count == digits, let code = UInt32(String(decoding: hex, as: UTF8.self), radix: 16) else {
                    throw Failure(position: index + 1, message: "bad \\\(Character(Unicode.Scalar(next))) escape")
                }
                output.append(contentsOf: Array(String(format: "\\u%04x", code).utf8))
                index += 2 + digits
                return
            default:
                throw Failure(position: index + 1, message: "unknown escape '\\\(Character(Unicode.Scalar(next)))'")
            }
            index += 2
        }

        /// A number, checked to be one (`1`, `-0.5`, `1e-3`, `.5`); `-inf` becomes `null`.
        mutating func number() throws(Failure) {
            let start = index
            while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if (text == "-" || text == "+"), index < bytes.count, Self.isWordByte(bytes[index]) {
                let wordStart = index
                while index < bytes.count, Self.isWordByte(bytes[index]) { index += 1 }
                let word = String(decoding: bytes[wordStart..<index], as: UTF8.self)
                guard word == "inf" || word == "nan" else {
                    throw Failure(position: start + 1, message: "not a number: \(text)\(word)")
                }
                output.append(contentsOf: Array("null".utf8))
                return
            }
            guard let value = Double(text), value.isFinite else {
                throw Failure(position: start + 1, message: "not a number: \(text)")
            }
            // JSON forbids `.5`, `5.`, `+5` and leading zeros; write the shortest round-trip form then.
            let plain = text.first != "+" && text.first != "." && !text.hasSuffix(".") && !text.contains(".e") && !text.contains(".E")
            output.append(contentsOf: Array((plain ? text : String(value)).utf8))
        }

        /// `True`, `False`, `None`, JSON's `true/false/null`, `nan`, `inf`; anything else is refused.
        mutating func word() throws(Failure) {
            let start = index
            while index < bytes.count, Self.isWordByte(bytes[index]) { index += 1 }
            let word = String(decoding: bytes[start..<index], as: UTF8.self)
            let replacement: String
            switch word {
            case "True", "true": replacement = "true"
            case "False", "false": replacement = "false"
            case "None", "null", "nan", "inf": replacement = "null"
            default:
                let call = index < bytes.count && bytes[index] == UInt8(ascii: "(")
                throw Failure(position: start + 1, message: call ? "a call \(word)(...) is not a literal" : "unknown name \(word)")
            }
            output.append(contentsOf: Array(replacement.utf8))
        }

        static func isNumberByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
        }

        static func isWordByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }
}
