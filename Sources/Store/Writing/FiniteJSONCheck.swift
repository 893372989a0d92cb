/// A fast check, at the store's boundary, that JSON text produced by an ingester holds no
/// non-finite number: Swift prints `inf`, `-inf` and `nan` where JSON has no such literal, so
/// an infinite amount would otherwise be stored as invalid JSON (`{"Fe":inf}`).
///
/// It scans bytes outside string literals and accepts only the bare words JSON defines
/// (`true`, `false`, `null`) and the exponent marker inside a number.
enum FiniteJSONCheck {
    /// The offending bare word (`inf`, `nan`, …), or `nil` when the text has none.
    static func nonFiniteToken(in json: String) -> String? {
        if let result = json.utf8.withContiguousStorageIfAvailable({ scan($0) }) { return result }
        var copy = json
        return copy.withUTF8 { scan($0) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var index = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            if inString {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == UInt8(ascii: "\"") { inString = false }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
                index += 1
                continue
            }
            if isLetter(byte) {
                let start = index
                while index < bytes.count, isLetter(bytes[index]) { index += 1 }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                let previous = start > 0 ? bytes[start - 1] : 0
                let isExponent = (word == "e" || word == "E") && ((previous >= 48 && previous <= 57) || previous == UInt8(ascii: "."))
                if !isExponent, word != "true", word != "false", word != "null" { return word }
                continue
            }
            index += 1
        }
        return nil
    }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
