/// Repairs for text that went through a wrong decoding step.
public enum TextRepair {
    /// Undoes "mojibake": UTF-8 bytes that were decoded as Latin-1 or
    /// Windows-1252 and re-encoded, e.g. `"Â°C"` → `"°C"`, `"Ã…"` → `"Å"`,
    /// `"Î¾"` → `"ξ"`, `"â\u{88}\u{92}"` → `"−"`.
    ///
    /// The string is split into runs of characters that have a single-byte
    /// Latin-1 / Windows-1252 encoding (runs are separated by any other
    /// character, such as a genuine `"−"`). A run containing non-ASCII
    /// characters is replaced by its re-decoding only when its bytes form valid
    /// UTF-8; otherwise it is left untouched, so genuine Latin-1 text such as
    /// `"café"` or `"5 °C"` is never altered. Up to three passes are made, which
    /// also undoes double mojibake (`"Ã‚Â°"` → `"°"`).
    ///
    /// - Returns: the repaired string and whether anything changed.
    public static func repairMojibake(_ s: String) -> (String, repaired: Bool) {
        var current = s
        var changed = false
        for _ in 0..<3 {
            guard let next = repairOnePass(current) else { break }
            current = next
            changed = true
        }
        return (current, changed)
    }

    /// One pass; nil when nothing was repaired.
    static func repairOnePass(_ s: String) -> String? {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
        var output = ""
        output.reserveCapacity(s.utf8.count)
        var runBytes: [UInt8] = []
        var runText = String.UnicodeScalarView()
        var runHasHighByte = false
        var repaired = false

        func flushRun() {
            defer {
                runBytes.removeAll(keepingCapacity: true)
                runText = String.UnicodeScalarView()
                runHasHighByte = false
            }
            guard !runBytes.isEmpty else { return }
            if runHasHighByte,
               runBytes.withUnsafeBufferPointer({ UTF8Validation.validate($0).errors == 0 }) {
                output += String(decoding: runBytes, as: UTF8.self)
                repaired = true
            } else {
                output.unicodeScalars.append(contentsOf: runText)
            }
        }

        for scalar in s.unicodeScalars {
            if let byte = singleByte(scalar) {
                runBytes.append(byte)
                runText.append(scalar)
                if byte >= 0x80 { runHasHighByte = true }
            } else {
                flushRun()
                output.unicodeScalars.append(scalar)
            }
        }
        flushRun()
        return repaired ? output : nil
    }

    /// The Latin-1 byte of U+0000...U+00FF, or the Windows-1252 byte of the
    /// characters that code page places in 0x80...0x9F; nil for anything else.
    static func singleByte(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x100 { return UInt8(value) }
        return windows1252High[value]
    }

    private static let windows1252High: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85,
        0x2020: 0x86, 0x2021: 0x87, 0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A,
        0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92,
        0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97,
        0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C,
        0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
