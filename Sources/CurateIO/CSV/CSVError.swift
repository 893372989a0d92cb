/// Everything that can go wrong while reading a CSV file. Every case names the
/// file, and every case that concerns a place in the file names its 1-based line.
public enum CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing exists at `path`.
    case fileNotFound(path: String)
    /// The path exists but cannot be read as a file (a directory, no permission, ...).
    case notReadable(path: String, reason: String)
    /// The file holds no records: 0 bytes, or only a BOM, blank or whitespace-only lines.
    case emptyFile(path: String)
    /// The start of the file contains NUL bytes, or is mostly bytes that are not
    /// UTF-8 text: probably a spreadsheet, archive or other binary file.
    /// `byteOffset` is the 0-based file offset of the first offending byte.
    case binaryContent(path: String, line: Int, byteOffset: Int)
    /// The file starts with a UTF-16 or UTF-32 byte-order mark.
    case unsupportedEncoding(path: String, encoding: String)
    /// The record starting on `line` is longer than `limit` raw bytes. When the
    /// reader was inside a quoted field at the time, `openQuoteLine` is the line
    /// where that quote opened (an unclosed quote is the usual cause).
    case recordTooLong(path: String, line: Int, limit: Int, openQuoteLine: Int?)
    /// The file ended inside a quoted field. `line` is where the record starts,
    /// `quoteLine` where the unclosed quote opened.
    case unterminatedQuote(path: String, line: Int, quoteLine: Int)
    /// `read(2)` failed part-way through the file (I/O error, file vanished, ...).
    case readFailed(path: String, line: Int, reason: String)
    /// The `CSVReaderOptions` are inconsistent (e.g. delimiter equals quote).
    case invalidOptions(path: String, reason: String)

    /// The file the error concerns.
    public var path: String {
        switch self {
        case .fileNotFound(let path), .notReadable(let path, _), .emptyFile(let path),
             .binaryContent(let path, _, _), .unsupportedEncoding(let path, _),
             .recordTooLong(let path, _, _, _), .unterminatedQuote(let path, _, _),
             .readFailed(let path, _, _), .invalidOptions(let path, _):
            return path
        }
    }

    /// The 1-based line the error concerns, when it concerns a place in the file.
    public var line: Int? {
        switch self {
        case .binaryContent(_, let line, _), .recordTooLong(_, let line, _, _),
             .unterminatedQuote(_, let line, _), .readFailed(_, let line, _):
            return line
        case .unsupportedEncoding:
            return 1
        case .fileNotFound, .notReadable, .emptyFile, .invalidOptions:
            return nil
        }
    }

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "\(path): file not found"
        case .notReadable(let path, let reason):
            return "\(path): cannot read file: \(reason)"
        case .emptyFile(let path):
            return "\(path): file is empty (no CSV records)"
        case .binaryContent(let path, let line, let offset):
            return "\(path):\(line): file looks binary, not UTF-8 text "
                + "(NUL or non-text bytes at byte offset \(offset)); is it a spreadsheet or a compressed file?"
        case .unsupportedEncoding(let path, let encoding):
            return "\(path):1: file is encoded as \(encoding); only UTF-8 CSV files are supported, convert it to UTF-8"
        case .recordTooLong(let path, let line, let limit, let openQuoteLine):
            var text = "\(path):\(line): record is longer than the limit of \(limit) bytes"
            if let quoteLine = openQuoteLine {
                text += " (inside a quoted field opened on line \(quoteLine); an unclosed quote may have swallowed the rest of the file)"
            }
            return text
        case .unterminatedQuote(let path, let line, let quoteLine):
            return "\(path):\(line): unterminated quoted field (started on line \(quoteLine))"
        case .readFailed(let path, let line, let reason):
            return "\(path):\(line): read error: \(reason)"
        case .invalidOptions(let path, let reason):
            return "\(path): invalid CSV reader options: \(reason)"
        }
    }
}
