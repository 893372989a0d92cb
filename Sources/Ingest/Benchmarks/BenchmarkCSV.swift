import CurateIO
import Foundation

/// Reads a structure benchmark CSV (plain, gzip or xz) into a ``BenchmarkTable``: RFC 4180
/// quoting (a `cif` field spans many lines), and comment lines starting with `#` before the
/// header (matminer's `# ref: ...`) skipped and recorded. Row lines are those of the file.
enum BenchmarkCSV {
    /// The table in the decompressed `bytes` of `path`.
    static func read(bytes: [UInt8], path: String, compression: DFTInput.Compression,
                     maxRecordBytes: Int) throws(IngestError) -> BenchmarkTable {
        var start = 0
        var skippedLines = 0
        var comments: [String] = []
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, bytes[start] == UInt8(ascii: "#") {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            comments.append(String(decoding: bytes[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            skippedLines += 1
            start = min(bytes.count, end + 1)
        }
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("curate-\(UUID().uuidString)-\((path as NSString).lastPathComponent).csv").path
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes[start...])) else {
            throw .unreadable(path: path, reason: "cannot write the table's copy to \(temporary)")
        }
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let reader: CSVReader
        do {
            reader = try CSVReader(path: temporary, options: CSVReaderOptions(maxRecordBytes: maxRecordBytes))
        } catch {
            throw located(error, path: path, temporary: temporary, skippedLines: skippedLines)
        }
        guard let header = reader.header else {
            throw .header(path: path, message: "the file has no header row", columnsSeen: [])
        }
        var rows: [BenchmarkTable.Row] = []
        do {
            while let row = try reader.next() {
                let number = rows.count + 1
                rows.append(BenchmarkTable.Row(number: number, locator: "row \(number)", line: row.line + skippedLines,
                                               raw: row.rawText, rawBytes: row.rawBytes, cells: row.fields))
            }
        } catch {
            throw located(error, path: path, temporary: temporary, skippedLines: skippedLines)
        }
        var recorded = ["compression": compression.rawValue, "rows": String(rows.count)]
        if !comments.isEmpty { recorded["comment"] = comments.joined(separator: "\n") }
        return BenchmarkTable(format: "csv", header: header.fields, rows: rows, recorded: recorded)
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
