import Chemistry
import CurateIO
import Foundation

/// Reads `id,composition,target`-style CSV files into samples, rejecting the whole file (with
/// every bad line and its reason) before any training starts.
public enum RoostDataset {
    /// Which columns to read.
    public struct Columns: Sendable {
        /// The identifier column; when absent from the file, line numbers are used.
        public var id: String
        /// The composition column.
        public var composition: String
        /// The target column; `nil` to read compositions only (prediction).
        public var target: String?

        /// Column names, defaulting to `id` and `composition`.
        public init(id: String = "id", composition: String = "composition", target: String? = nil) {
            self.id = id
            self.composition = composition
            self.target = target
        }
    }

    /// Loads `path`. Throws for an unreadable file, a missing column, no rows, or any row whose
    /// composition does not parse, holds an element `embedding` lacks, or whose target is not a
    /// finite number.
    public static func load(path: String, columns: Columns, embedding: ElementEmbedding) throws(ModelsError) -> [RoostSample] {
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
            guard let index = header.firstIndex(of: name) else {
                throw .missingColumn(path: path, column: name, available: header)
            }
            return index
        }
        let compositionIndex = try column(columns.composition)
        let targetIndex = try columns.target.map { name throws(ModelsError) in try column(name) }
        let idIndex = header.firstIndex(of: columns.id)

        var samples: [RoostSample] = []
        var problems: [ModelsError.RowProblem] = []
        var seenRows = 0
        for row in rows {
            if row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            seenRows += 1
            let formula = (row.field(compositionIndex) ?? "").trimmingCharacters(in: .whitespaces)
            let composition: Composition
            do {
                composition = try Composition(formula: formula)
            } catch {
                problems.append(.init(line: row.line, reason: "composition \"\(formula)\": \(error)"))
                continue
            }
            let missing = embedding.missingSymbols(in: composition)
            if !missing.isEmpty {
                problems.append(.init(line: row.line, reason:
                    "composition \"\(formula)\": element\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")) not in the \(embedding.name) embedding"))
                continue
            }
            var target: Double?
            if let targetIndex {
                let text = (row.field(targetIndex) ?? "").trimmingCharacters(in: .whitespaces)
                guard let value = Double(text), value.isFinite else {
                    problems.append(.init(line: row.line, reason: "target \"\(text)\" is not a finite number"))
                    continue
                }
                target = value
            }
            let id = idIndex.flatMap { row.field($0) } ?? String(row.line)
            samples.append(RoostSample(id: id, formula: formula, composition: composition, target: target, line: row.line))
        }
        if !problems.isEmpty { throw .invalidRows(path: path, problems: problems) }
        if seenRows == 0 { throw .emptyDataset(path: path) }
        return samples
    }
}
