import CurateIO
import Foundation

/// A structure benchmark CSV (plain, gzip or xz) streamed in bounded memory: RFC 4180 quoting
/// (a `cif` field spans many lines), and comment lines starting with `#` before the header
/// (matminer's `# ref: ...`) skipped and recorded. Row lines are those of the file.
///
/// Opening decompresses the file into a temporary copy without its comment lines (chunk by
/// chunk) and reads it once to count the rows and find the columns with numbers, so a file
/// that cannot be read is refused before the store is touched; ``forEachBatch(size:_:)`` then
/// reads the rows again, a batch at a time. The copy is removed when the stream is released.
final class BenchmarkCSV {
    /// The header's fields in file order.
    let header: [String]
    /// Data rows in the file.
    let rowCount: Int
    /// Column indices where at least one row holds a number (`Double` after trimming spaces).
    let numericColumns: Set<Int>
    /// Options worth recording with the run (`compression`, `rows`, `comment`).
    let recorded: [String: String]

    private let path: String
    private let temporary: String
    private let skippedLines: Int
    private let maxRecordBytes: Int

    /// Opens `path` (stored with `compression`) and reads it through once.
    init(path: String, compression: DFTInput.Compression, limits: DecompressionLimits,
         maxRecordBytes: Int) throws(IngestError) {
        self.path = path
        self.maxRecordBytes = maxRecordBytes
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("curate-\(UUID().uuidString)-\((path as NSString).lastPathComponent).csv").path
        self.temporary = temporary
        let comments: [String]
        do {
            comments = try Self.copyWithoutComments(path: path, compression: compression, limits: limits, to: temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        skippedLines = comments.count
        let scan: (header: [String], rows: Int, numeric: Set<Int>)
        do {
            scan = try Self.scan(temporary, path: path, skippedLines: comments.count, maxRecordBytes: maxRecordBytes)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        (header, rowCount, numericColumns) = scan
        var recorded = ["compression": compression.rawValue, "rows": String(scan.rows)]
        if !comments.isEmpty { recorded["comment"] = comments.joined(separator: "\n") }
        self.recorded = recorded
    }

    deinit {
        try? FileManager.default.removeItem(atPath: temporary)
    }

    /// Hands the rows to `body` in file order, at most `size` at a time.
    func forEachBatch(size: Int, _ body: ([BenchmarkTable.Row]) throws -> Void) throws {
        let reader = try Self.open(temporary, path: path, skippedLines: skippedLines, maxRecordBytes: maxRecordBytes)
        var batch: [BenchmarkTable.Row] = []
        batch.reserveCapacity(size)
        var number = 0
        while let row = try Self.next(reader, path: path, temporary: temporary, skippedLines: skippedLines) {
            number += 1
            batch.append(BenchmarkTable.Row(number: number, locator: "row \(number)", line: row.line + skippedLines,
                                            raw: row.rawText, rawBytes: row.rawBytes, cells: row.fields))
            if batch.count == size {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch) }
    }

    /// Every row at once, for tools and tests (memory grows with the file).
    func table() throws(IngestError) -> BenchmarkTable {
        var rows: [BenchmarkTable.Row] = []
        rows.reserveCapacity(rowCount)
        do {
            try forEachBatch(size: 4096) { rows += $0 }
        } catch let error as IngestError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        return BenchmarkTable(format: "csv", header: header, rows: rows, recorded: recorded)
    }

    // MARK: - Reading

    /// The first pass: header, row count and the columns with a number somewhere.
    private static func scan(_ temporary: String, path: String, skippedLines: Int,
                             maxRecordBytes: Int) throws(IngestError) -> (header: [String], rows: Int, numeric: Set<Int>) {
        let reader = try open(temporary, path: path, skippedLines: skippedLines, maxRecordBytes: maxRecordBytes)
        guard let header = reader.header?.fields else {
            throw .header(path: path, message: "the file has no header row", columnsSeen: [])
        }
        var rows = 0
        var numeric = Set<Int>()
        while let row = try next(reader, path: path, temporary: temporary, skippedLines: skippedLines) {
            rows += 1
            for (index, cell) in row.fields.enumerated() where !numeric.contains(index) {
                if Double(cell.trimmingCharacters(in: .whitespaces)) != nil { numeric.insert(index) }
            }
        }
        return (header, rows, numeric)
    }

    private static func open(_ temporary: String, path: String, skippedLines: Int,
                             maxRecordBytes: Int) throws(IngestError) -> CSVReader {
        do {
            return try CSVReader(path: temporary, options: CSVReaderOptions(maxRecordBytes: maxRecordBytes))
        } catch {
            throw located(error, path: path, temporary: temporary, skippedLines: skippedLines)
        }
    }

    private static func next(_ reader: CSVReader, path: String, temporary: String,
                             skippedLines: Int) throws(IngestError) -> CSVRow? {
        do {
            return try reader.next()
        } catch {
            throw located(error, path: path, temporary: temporary, skippedLines: skippedLines)
        }
    }

    // MARK: - The copy

    /// Writes the decompressed file without a leading byte-order mark and leading `#` lines to
    /// `temporary`, chunk by chunk; returns the comment lines, trimmed.
    private static func copyWithoutComments(path: String, compression: DFTInput.Compression, limits: DecompressionLimits,
                                            to temporary: String) throws(IngestError) -> [String] {
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let output = FileHandle(forWritingAtPath: temporary)
        else {
            throw .unreadable(path: path, reason: "cannot write the table's copy to \(temporary)")
        }
        defer { try? output.close() }
        var prefix = LeadingCommentLines()
        let write = { (bytes: ArraySlice<UInt8>) throws(IngestError) in
            guard !bytes.isEmpty else { return }
            do { try output.write(contentsOf: Data(bytes)) } catch {
                throw .unreadable(path: path, reason: "cannot write the table's copy to \(temporary): \(error.localizedDescription)")
            }
        }
        let consume = { (chunk: [UInt8]) throws(IngestError) in
            try write(prefix.feed(chunk))
        }
        switch compression {
        case .gzip, .xz:
            try DFTInput.decompress(path: path, compression: compression, limits: limits, consume)
        case .none:
            guard let input = FileHandle(forReadingAtPath: path) else {
                throw .unreadable(path: path, reason: "cannot read the file")
            }
            defer { try? input.close() }
            while true {
                let data: Data?
                do { data = try input.read(upToCount: 1 << 20) } catch {
                    throw .unreadable(path: path, reason: "cannot read the file: \(error.localizedDescription)")
                }
                guard let data, !data.isEmpty else { break }
                try consume([UInt8](data))
            }
        }
        try write(prefix.finish())
        return prefix.comments
    }

    /// A reader error about the copy, told about the original file and its own line numbers.
    private static func located(_ error: CSVError, path: String, temporary: String, skippedLines: Int) -> IngestError {
        let shift = { (line: Int) in line + skippedLines }
        switch error {
        case .unterminatedQuote(_, let line, let quoteLine):
            return .unreadable(path: path, reason: "line \(shift(line)): unterminated quoted field (started on line \(shift(quoteLine)))")
        case .recordTooLong(_, let line, let limit, let openQuoteLine):
            let quote = openQuoteLine.map { " (inside a quoted field opened on line \(shift($0)); an unclosed quote may have swallowed the rest of the file)" } ?? ""
            return .unreadable(path: path, reason: "line \(shift(line)): record is longer than the limit of \(limit) bytes\(quote)")
        case .emptyFile:
            return .unreadable(path: path, reason: "the file holds no CSV records")
        default:
            return .unreadable(path: path, reason: error.description.replacingOccurrences(of: temporary, with: path))
        }
    }
}
