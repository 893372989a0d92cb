/// A streaming reader for RFC 4180 CSV files (UTF-8).
///
/// ```swift
/// let reader = try CSVReader(path: "stanev.csv")
/// let columns = reader.header?.fields ?? []
/// while let row = try reader.next() { ... }
/// ```
///
/// The file is read in `options.chunkSize` pieces through a window that only
/// holds the record being parsed, so memory does not grow with the number of
/// rows, and a record longer than `options.maxRecordBytes` is refused with
/// `CSVError.recordTooLong` before it is held in full.
///
/// Checks made when opening (all thrown from `init`): the path must exist and be
/// a readable non-directory; the first 64 KiB must look like UTF-8 text (no NUL
/// bytes, not mostly invalid UTF-8 or control bytes, no UTF-16/32 byte-order
/// mark); and the file must contain at least one record. A UTF-8 BOM is skipped.
///
/// Invalid UTF-8 further into a text file does not fail: it is replaced with
/// U+FFFD and counted in `invalidUTF8Repairs` and `CSVRow.invalidUTF8Repairs`.
///
/// Errors are final: after `next()` has thrown, every later call throws the
/// same error. The reader is not thread-safe; use it from one task at a time.
public final class CSVReader {
    /// The path given to `init`, used verbatim in error messages.
    public let path: String
    public let options: CSVReaderOptions
    /// The first record when `options.hasHeaderRow` is true, else nil.
    public private(set) var header: CSVRow?
    /// Data rows returned by `next()` so far.
    @exclusivity(unchecked) public private(set) var rowsRead = 0
    /// Invalid UTF-8 sequences replaced with U+FFFD so far (header included).
    @exclusivity(unchecked) public private(set) var invalidUTF8Repairs = 0
    /// Records (header included) that needed at least one such replacement.
    @exclusivity(unchecked) public private(set) var recordsWithInvalidUTF8 = 0

    /// File offset just past the last record returned, for progress reporting.
    public var bytesConsumed: Int { consumedFileOffset }

    private let window: CSVByteWindow
    @exclusivity(unchecked) private var scanner: CSVRecordScanner
    @exclusivity(unchecked) private var peeked: CSVRow?
    @exclusivity(unchecked) private var failure: CSVError?
    @exclusivity(unchecked) private var finished = false
    @exclusivity(unchecked) private var consumedFileOffset = 0

    /// Opens `path` and reads up to its first record (the header, when
    /// `options.hasHeaderRow`). Throws when the file is missing, unreadable,
    /// binary, not UTF-8, or holds no records.
    public init(path: String, options: CSVReaderOptions = .init()) throws(CSVError) {
        if let problem = options.validationProblem {
            throw .invalidOptions(path: path, reason: problem)
        }
        self.path = path
        self.options = options
        self.scanner = CSVRecordScanner(delimiter: options.delimiter, quote: options.quote)
        let capacity = max(16, options.initialBufferCapacity, min(2 * options.chunkSize, 1 << 24))
        self.window = try CSVByteWindow(path: path, chunkSize: options.chunkSize, initialCapacity: capacity)

        let sample: [UInt8]
        do {
            sample = try window.sample(size: CSVContentSniffer.sampleSize)
        } catch {
            throw .readFailed(path: path, line: 1, reason: error.reason)
        }
        if sample.isEmpty {
            throw .emptyFile(path: path)
        }
        let verdict = sample.withUnsafeBufferPointer { CSVContentSniffer.inspect($0) }
        switch verdict {
        case .unsupportedEncoding(let name):
            throw .unsupportedEncoding(path: path, encoding: name)
        case .binary(let offset):
            let line = sample.withUnsafeBufferPointer { CSVContentSniffer.line(ofOffset: offset, in: $0) }
            throw .binaryContent(path: path, line: line, byteOffset: offset)
        case .text(let bomLength):
            if bomLength > 0 {
                // Make sure the BOM is in the window before skipping it.
                while window.count < bomLength, !window.atEOF {
                    do {
                        _ = try window.readMore(keepFrom: 0)
                    } catch {
                        throw .readFailed(path: path, line: 1, reason: error.reason)
                    }
                }
                scanner.skip(min(bomLength, window.count))
            }
        }

        guard let first = try readRecord() else {
            throw .emptyFile(path: path)
        }
        if options.hasHeaderRow {
            header = first
        } else {
            peeked = first
        }
    }

    /// The next data row, or nil at the end of the file.
    public func next() throws(CSVError) -> CSVRow? {
        if let row = peeked {
            peeked = nil
            rowsRead += 1
            return row
        }
        guard let row = try readRecord() else { return nil }
        rowsRead += 1
        return row
    }

    /// Reads all remaining data rows. Convenient for small files; prefer
    /// `next()` for large ones.
    public func readAll() throws(CSVError) -> [CSVRow] {
        var rows: [CSVRow] = []
        while let row = try next() { rows.append(row) }
        return rows
    }

    // MARK: - Record assembly

    /// Current capacity of the read buffer, for tests of bounded memory.
    var bufferCapacity: Int { window.capacity }

    private func readRecord() throws(CSVError) -> CSVRow? {
        if let failure { throw failure }
        if finished { return nil }
        do {
            return try readRecordUnchecked()
        } catch {
            failure = error
            finished = true
            throw error
        }
    }

    private func readRecordUnchecked() throws(CSVError) -> CSVRow? {
        let limit = options.maxRecordBytes
        while true {
            if scanner.scan(window.base, end: window.count) {
                if let row = try completedRow(limit: limit) { return row }
                continue
            }
            if scanner.pendingRecordLength > limit {
                throw tooLong()
            }
            if window.atEOF {
                switch scanner.finishInput() {
                case .none:
                    finished = true
                    return nil
                case .unterminatedQuote:
                    throw .unterminatedQuote(path: path, line: scanner.recordLine, quoteLine: scanner.quoteLine)
                case .record:
                    if let row = try completedRow(limit: limit) { return row }
                    finished = true
                    return nil
                }
            }
            do {
                let shift = try window.readMore(keepFrom: scanner.recordStart)
                if shift > 0 { scanner.rebase(by: shift) }
            } catch {
                throw .readFailed(path: path, line: scanner.line, reason: error.reason)
            }
        }
    }

    /// Builds the row for the record the scanner just completed, or returns nil
    /// when it is a whitespace-only line (skipped like a blank line).
    private func completedRow(limit: Int) throws(CSVError) -> CSVRow? {
        let start = scanner.recordStart
        let end = scanner.recordEnd
        consumedFileOffset = window.baseFileOffset + end
        if end - start > limit { throw tooLong() }
        let raw = UnsafeBufferPointer(start: UnsafePointer(window.base) + start, count: end - start)
        if scanner.isWhitespaceOnly(raw: raw) { return nil }
        let repairs = UTF8Validation.repairCount(raw)
        if repairs > 0 {
            invalidUTF8Repairs += repairs
            recordsWithInvalidUTF8 += 1
        }
        return CSVRow(
            fields: scanner.makeFields(raw: raw),
            line: scanner.recordLine,
            rawText: String(decoding: raw, as: UTF8.self),
            invalidUTF8Repairs: repairs,
            rawBytes: repairs > 0 ? Array(raw) : nil
        )
    }

    private func tooLong() -> CSVError {
        .recordTooLong(
            path: path,
            line: scanner.recordLine,
            limit: options.maxRecordBytes,
            openQuoteLine: scanner.state == .quoted ? scanner.quoteLine : nil
        )
    }
}
