/// Errors from loading data, embeddings and models, reported before any training starts.
public enum ModelsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// One bad input row: its 1-based line in the file and why it was rejected.
    public struct RowProblem: Equatable, Sendable, Codable {
        /// 1-based line of the record in the file.
        public let line: Int
        /// Why the row was rejected.
        public let reason: String
        /// Creates a problem report.
        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }
    }

    /// A file could not be read or parsed as a whole.
    case unreadable(path: String, reason: String)
    /// A required column is absent from the header.
    case missingColumn(path: String, column: String, available: [String])
    /// The file holds no data rows.
    case emptyDataset(path: String)
    /// Rows that cannot be used (unparsable composition, unknown element, NaN target, …).
    case invalidRows(path: String, problems: [RowProblem])
    /// An element embedding file is malformed.
    case invalidEmbedding(String)
    /// A model directory is malformed or does not fit the data.
    case invalidModel(path: String, reason: String)
    /// Options that cannot work together.
    case invalidOptions(String)

    /// A one-paragraph explanation naming the file, line and reason.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .missingColumn(let path, let column, let available):
            "\(path): no column \"\(column)\" (columns: \(available.joined(separator: ", ")))"
        case .emptyDataset(let path): "\(path): the dataset has no rows"
        case .invalidRows(let path, let problems):
            ([("\(path): \(problems.count) unusable row\(problems.count == 1 ? "" : "s")")]
             + problems.prefix(10).map { "\(path):\($0.line): \($0.reason)" }
             + (problems.count > 10 ? ["… and \(problems.count - 10) more"] : []))
                .joined(separator: "\n")
        case .invalidEmbedding(let reason): "element embedding: \(reason)"
        case .invalidModel(let path, let reason): "\(path): not a usable model: \(reason)"
        case .invalidOptions(let reason): reason
        }
    }
}
