/// The RFC 4180 state machine, run over a byte buffer that may end anywhere.
///
/// `scan` consumes bytes from `pos` and returns true when a complete record
/// lies in `[recordStart, recordEnd)`; it returns false when it ran out of
/// bytes mid-record, with all its state saved so that it resumes after the
/// caller has appended more bytes (and shifted indices with `rebase`).
///
/// Dialect (compatible with Python's `csv` module in its default, non-strict mode):
/// - a field starting with the quote byte is quoted; inside it delimiters, CR and
///   LF are data and a doubled quote is one quote;
/// - after a closing quote, any byte other than delimiter/CR/LF is kept and the
///   field continues unquoted (`"ab"c` reads as `abc`);
/// - a quote inside an unquoted field is an ordinary byte (`ab"c` stays `ab"c`);
/// - LF, CR LF and lone CR all end a line; empty lines are skipped but counted.
struct CSVRecordScanner {
    enum State {
        case recordStart, fieldStart, unquoted, quoted, quoteInQuoted
    }

    enum EndOfInput {
        case none
        case record
        case unterminatedQuote
    }

    static let cr = UInt8(ascii: "\r")
    static let lf = UInt8(ascii: "\n")

    let delimiter: UInt8
    let quote: UInt8

    private(set) var state = State.recordStart
    /// Next byte to examine.
    private(set) var pos = 0
    /// First byte of the record in progress (or of the next one, between records).
    private(set) var recordStart = 0
    /// One past the record's last byte, valid after `scan` returned true.
    private(set) var recordEnd = 0
    /// Physical line (1-based) of the byte at `pos`.
    private(set) var line = 1
    /// Line on which the current record starts.
    private(set) var recordLine = 1
    /// Line on which the last opening quote of the current record appeared.
    private(set) var quoteLine = 1
    /// Whether the current record has a quoted field.
    private(set) var sawQuote = false
    /// The previous consumed byte was a CR (so a following LF is not a new line).
    private var afterCR = false

    /// Unquoted content of all fields of the current record, back to back
    /// (unused when `fieldsInRecord`).
    private(set) var fieldBytes: [UInt8] = []
    /// End offset of each completed field: into `fieldBytes`, or, when
    /// `fieldsInRecord`, into the record's raw bytes (fields then start one
    /// byte after the previous end, skipping the delimiter).
    private(set) var fieldEnds: [Int] = []
    /// The record had no quotes and its fields are slices of its raw bytes.
    private(set) var fieldsInRecord = false

    init(delimiter: UInt8, quote: UInt8) {
        self.delimiter = delimiter
        self.quote = quote
        fieldBytes.reserveCapacity(4096)
        fieldEnds.reserveCapacity(64)
    }

    /// Skips `count` bytes at the current position (a byte-order mark).
    mutating func skip(_ count: Int) {
        guard state == .recordStart, count > 0 else { return }
        pos += count
        recordStart = pos
    }

    /// Shifts stored indices after the buffer dropped `shift` leading bytes.
    mutating func rebase(by shift: Int) {
        pos -= shift
        recordStart -= shift
        recordEnd = max(0, recordEnd - shift)
    }

    /// Raw length of the record in progress, as far as it has been scanned.
    var pendingRecordLength: Int {
        state == .recordStart ? 0 : pos - recordStart
    }

    /// Scans `base[pos..<end]`. Returns true when a record is complete.
    mutating func scan(_ base: UnsafePointer<UInt8>, end: Int) -> Bool {
        let delimiter = self.delimiter, quote = self.quote
        let cr = Self.cr, lf = Self.lf
        var p = pos
        if state == .recordStart { recordStart = p }
        while p < end {
            switch state {
            case .recordStart:
                let c = base[p]
                if c == lf {
                    if !afterCR { line += 1 }
                    afterCR = false
                    p += 1
                    recordStart = p
                } else if c == cr {
                    line += 1
                    afterCR = true
                    p += 1
                    recordStart = p
                } else {
                    afterCR = false
                    recordStart = p
                    recordLine = line
                    sawQuote = false
                    fieldEnds.removeAll(keepingCapacity: true)
                    // Fast path: a record without any quote byte that ends inside
                    // the buffer is split in place, without copying field bytes.
                    var q = p
                    while q < end {
                        let c = base[q]
                        if c == delimiter {
                            fieldEnds.append(q - p)
                        } else if c == lf || c == cr || c == quote {
                            break
                        }
                        q += 1
                    }
                    if q < end, base[q] != quote {
                        fieldEnds.append(q - p)
                        fieldsInRecord = true
                        endRecord(at: q, terminator: base[q])
                        return true
                    }
                    // Otherwise run the resumable state machine from the record start.
                    fieldEnds.removeAll(keepingCapacity: true)
                    fieldBytes.removeAll(keepingCapacity: true)
                    fieldsInRecord = false
                    state = .fieldStart
                }

            case .fieldStart:
                let c = base[p]
                if c == quote {
                    state = .quoted
                    quoteLine = line
                    sawQuote = true
                    p += 1
                } else if c == delimiter {
                    fieldEnds.append(fieldBytes.count)
                    p += 1
                } else if c == lf || c == cr {
                    fieldEnds.append(fieldBytes.count)
                    endRecord(at: p, terminator: c)
                    return true
                } else {
                    state = .unquoted
                }

            case .unquoted:
                let start = p
                while p < end {
                    let c = base[p]
                    if c == delimiter || c == lf || c == cr { break }
                    p += 1
                }
                if p > start {
                    fieldBytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: p - start))
                }
                if p == end { break }
                let c = base[p]
                fieldEnds.append(fieldBytes.count)
                if c == delimiter {
                    state = .fieldStart
                    p += 1
                } else {
                    endRecord(at: p, terminator: c)
                    return true
                }

            case .quoted:
                let start = p
                while p < end {
                    let c = base[p]
                    if c == quote || c == lf || c == cr { break }
                    p += 1
                }
                if p > start {
                    fieldBytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: p - start))
                    afterCR = false
                }
                if p == end { break }
                let c = base[p]
                p += 1
                if c == quote {
                    afterCR = false
                    state = .quoteInQuoted
                } else if c == cr {
                    fieldBytes.append(c)
                    line += 1
                    afterCR = true
                } else {
                    fieldBytes.append(c)
                    if !afterCR { line += 1 }
                    afterCR = false
                }

            case .quoteInQuoted:
                let c = base[p]
                if c == quote {
                    fieldBytes.append(quote)
                    state = .quoted
                    p += 1
                } else if c == delimiter {
                    fieldEnds.append(fieldBytes.count)
                    state = .fieldStart
                    p += 1
                } else if c == lf || c == cr {
                    fieldEnds.append(fieldBytes.count)
                    endRecord(at: p, terminator: c)
                    return true
                } else {
                    fieldBytes.append(c)
                    state = .unquoted
                    p += 1
                }
            }
        }
        pos = p
        return false
    }

    /// Called once the input is exhausted (`pos` is at the end of the data).
    mutating func finishInput() -> EndOfInput {
        switch state {
        case .recordStart:
            return .none
        case .quoted:
            return .unterminatedQuote
        case .fieldStart, .unquoted, .quoteInQuoted:
            fieldEnds.append(fieldBytes.count)
            recordEnd = pos
            state = .recordStart
            return .record
        }
    }

    private mutating func endRecord(at p: Int, terminator: UInt8) {
        recordEnd = p
        line += 1
        afterCR = terminator == Self.cr
        pos = p + 1
        state = .recordStart
    }

    /// True when the completed record is a single unquoted field of spaces and
    /// tabs only: such lines are treated like blank lines. `raw` is the record's
    /// raw bytes.
    func isWhitespaceOnly(raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard fieldEnds.count == 1, !sawQuote else { return false }
        if fieldsInRecord {
            for byte in raw where byte != 0x20 && byte != 0x09 { return false }
        } else {
            for byte in fieldBytes where byte != 0x20 && byte != 0x09 { return false }
        }
        return true
    }

    /// Decodes the completed record's fields (invalid UTF-8 becomes U+FFFD).
    /// `raw` is the record's raw bytes.
    func makeFields(raw: UnsafeBufferPointer<UInt8>) -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(fieldEnds.count)
        if fieldsInRecord {
            var start = 0
            for end in fieldEnds {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: raw[start..<end]), as: UTF8.self))
                start = end + 1
            }
            return fields
        }
        fieldBytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for end in fieldEnds {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end
            }
        }
        return fields
    }
}
