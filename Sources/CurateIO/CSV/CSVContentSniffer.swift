/// Looks at the first bytes of a file to decide whether it is UTF-8 text.
enum CSVContentSniffer {
    enum Verdict: Equatable {
        /// Text; skip `bomLength` bytes (3 for a UTF-8 BOM, else 0).
        case text(bomLength: Int)
        /// Not text; `offset` is the first offending byte.
        case binary(offset: Int)
        /// A UTF-16/UTF-32 byte-order mark.
        case unsupportedEncoding(String)
    }

    /// How many leading bytes are inspected.
    static let sampleSize = 64 << 10

    /// Share of suspicious bytes (invalid UTF-8 or control characters other than
    /// tab, LF, VT, FF, CR, ESC) above which a NUL-free sample counts as binary.
    /// Legacy 8-bit text (Latin-1, Windows-1252) in Western languages stays far
    /// below it; random or compressed data is around 50%.
    static let suspiciousPercent = 30

    static func inspect(_ sample: UnsafeBufferPointer<UInt8>) -> Verdict {
        let n = sample.count
        func starts(with prefix: [UInt8]) -> Bool {
            guard n >= prefix.count else { return false }
            for (i, byte) in prefix.enumerated() where sample[i] != byte { return false }
            return true
        }
        // UTF-32 before UTF-16: the UTF-32LE mark begins with the UTF-16LE one.
        if starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return .unsupportedEncoding("UTF-32LE") }
        if starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return .unsupportedEncoding("UTF-32BE") }
        if starts(with: [0xFF, 0xFE]) { return .unsupportedEncoding("UTF-16LE") }
        if starts(with: [0xFE, 0xFF]) { return .unsupportedEncoding("UTF-16BE") }
        let bomLength = starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0

        var controls = 0
        var firstControl: Int?
        for i in bomLength..<max(bomLength, n) {
            let byte = sample[i]
            if byte == 0 { return .binary(offset: i) }
            if byte < 0x20 && !isTextControl(byte) {
                controls += 1
                if firstControl == nil { firstControl = i }
            }
        }
        let body = n > bomLength
            ? UnsafeBufferPointer(rebasing: sample[bomLength..<n])
            : UnsafeBufferPointer(start: nil, count: 0)
        let report = UTF8Validation.isASCII(body) ? UTF8Validation.Report() : UTF8Validation.validate(body)
        let suspicious = controls + report.invalidBytes
        let scanned = n - bomLength
        if suspicious >= 4, suspicious * 100 > scanned * suspiciousPercent {
            let invalidOffset = report.firstErrorOffset.map { $0 + bomLength }
            let offset = [firstControl, invalidOffset].compactMap { $0 }.min() ?? bomLength
            return .binary(offset: offset)
        }
        return .text(bomLength: bomLength)
    }

    /// 1-based line of byte `offset` (LF, CRLF and lone CR end lines).
    static func line(ofOffset offset: Int, in sample: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var i = 0
        let limit = min(offset, sample.count)
        while i < limit {
            let byte = sample[i]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D {
                if i + 1 >= sample.count || sample[i + 1] != 0x0A { line += 1 }
            }
            i += 1
        }
        return line
    }

    private static func isTextControl(_ byte: UInt8) -> Bool {
        byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D || byte == 0x1B
    }
}
