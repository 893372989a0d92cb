/// Byte-level UTF-8 checks used by the reader and by `TextRepair`.
enum UTF8Validation {
    struct Report {
        /// Number of maximal invalid subparts: exactly the number of U+FFFD that
        /// `String(decoding:as: UTF8.self)` substitutes.
        var errors = 0
        /// Bytes belonging to those invalid subparts.
        var invalidBytes = 0
        /// Offset of the first invalid byte, if any.
        var firstErrorOffset: Int?
    }

    /// True when every byte is below 0x80 (checked eight bytes at a time).
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(start)
        let n = bytes.count
        var i = 0
        var acc: UInt64 = 0
        while i + 8 <= n {
            acc |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        if acc & 0x8080_8080_8080_8080 != 0 { return false }
        while i < n {
            if start[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// Validates UTF-8 following the Unicode "maximal subpart" rule (Table 3-7).
    static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Report {
        var report = Report()
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            var length = 0
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: length = 0
            }
            var valid = 1
            if length > 0 {
                while valid < length, i + valid < n {
                    let b = bytes[i + valid]
                    let ok = valid == 1 ? (b >= low && b <= high) : (b & 0xC0 == 0x80)
                    if !ok { break }
                    valid += 1
                }
                if valid == length {
                    i += length
                    continue
                }
            }
            report.errors += 1
            report.invalidBytes += valid
            if report.firstErrorOffset == nil { report.firstErrorOffset = i }
            i += valid
        }
        return report
    }

    /// Number of U+FFFD substitutions decoding `bytes` will make (0 fast for ASCII).
    static func repairCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        isASCII(bytes) ? 0 : validate(bytes).errors
    }
}
