import CurateIO
import Foundation

/// One Wren input row: an identifier, a protostructure label and (for training) a target.
public struct WrenSample: Sendable {
    /// The row's identifier (the id column, else its line number).
    public let id: String
    /// The protostructure label as written.
    public let label: String
    /// The parsed protostructure.
    public let protostructure: Protostructure
    /// The target value, when the file has a target column.
    public let target: Double?
    /// 1-based line in the source file.
    public let line: Int

    /// Creates a sample.
    public init(id: String, label: String, protostructure: Protostructure, target: Double?, line: Int) {
        self.id = id
        self.label = label
        self.protostructure = protostructure
        self.target = target
        self.line = line
    }
}

/// Reads CSV files with a protostructure-label column into samples, rejecting the whole file
/// (with every bad line and its reason) before any training starts.
public enum WrenDataset {
    /// Which columns to read.
    public struct Columns: Sendable {
        /// The identifier column; line numbers when absent from the file.
        public var id: String
        /// The protostructure label column (`AB2_oP6_58_a_g:Mg-O`).
        public var protostructure: String
        /// The target column; `nil` for prediction.
        public var target: String?

        /// Column names, defaulting to `id` and `protostructure`.
        public init(id: String = "id", protostructure: String = "protostructure", target: String? = nil) {
            self.id = id
            self.protostructure = protostructure
            self.target = target
        }
    }

    /// Loads `path`; every element must have a vector in `elements`.
    public static func load(path: String, columns: Columns, elements: ElementEmbedding) throws(ModelsError) -> [WrenSample] {
        let rows: [CSVRow]
        let header: [String]
        do {
            let reader = try CSVReader(path: path)
            rows = try reader.readAll()
            header = reader.header?.fields ?? []
        } catch {
            if case .emptyFile = error { throw .emptyDataset(path: path) }
            throw .unreadable(path: path, reason: error.description)
        }
        if header.isEmpty { throw .emptyDataset(path: path) }
        func column(_ name: String) throws(ModelsError) -> Int {
            guard let index = header.firstIndex(of: name) else { throw .missingColumn(path: path, column: name, available: header) }
            return index
        }
        let labelIndex = try column(columns.protostructure)
        let targetIndex = try columns.target.map { name throws(ModelsError) in try column(name) }
        let idIndex = header.firstIndex(of: columns.id)
        var samples: [WrenSample] = []
        var problems: [ModelsError.RowProblem] = []
        for row in rows where !row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let text = (row.field(labelIndex) ?? "").trimmingCharacters(in: .whitespaces)
            let protostructure: Protostructure
            do { protostructure = try Protostructure(label: text) } catch {
                problems.append(.init(line: row.line, reason: error.description))
                continue
            }
            if let missing = protostructure.sites.first(where: { elements.vector(z: $0.z) == nil }) {
                problems.append(.init(line: row.line, reason: "Z=\(missing.z) is not in the \(elements.name) embedding"))
                continue
            }
            var target: Double?
            if let targetIndex {
                let value = (row.field(targetIndex) ?? "").trimmingCharacters(in: .whitespaces)
                guard let number = Double(value), number.isFinite else {
                    problems.append(.init(line: row.line, reason: "target \"\(value)\" is not a finite number"))
                    continue
                }
                target = number
            }
            let id = idIndex.flatMap { row.field($0) } ?? String(row.line)
            samples.append(WrenSample(id: id, label: text, protostructure: protostructure, target: target, line: row.line))
        }
        if !problems.isEmpty { throw .invalidRows(path: path, problems: problems) }
        if samples.isEmpty { throw .emptyDataset(path: path) }
        return samples
    }
}
