import CurateIO
/// Why a whole ingest was refused or failed. Record-level problems never end up here: they are
/// quarantined with a reason code. Every case names the file.
public enum IngestError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read as CSV (missing, empty, binary, unterminated quote, ...).
    case csv(CSVError)
    /// The header does not identify the columns the ingester needs.
    case header(path: String, message: String, columnsSeen: [String])
    /// The file could not be opened or hashed.
    case unreadable(path: String, reason: String)
    /// The store refused the write; nothing was written.
    case store(path: String, underlying: String)

    public var description: String {
        switch self {
        case .csv(let error):
            return error.description
        case .header(let path, let message, let columns):
            let seen = columns.map { $0.count > 40 ? "\"\($0.prefix(40))…\"" : "\"\($0)\"" }.joined(separator: ", ")
            return "\(path):1: \(message); columns seen: \(seen.isEmpty ? "(none)" : seen)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .store(let path, let underlying):
            return "\(path): store refused the ingest, nothing was written: \(underlying)"
        }
    }
}
