import Foundation

/// One line of `curate predict reaction --json`: a reaction, the ensemble's predicted target
/// fractions, the observed ones, the error, the uncertainty and the reaction embedding.
public struct ReactionPredictionRecord: Sendable, Equatable, Codable {
    public var id: String
    public var composition: String
    public var doi: String
    public var split: String
    public var precursors: [String]
    public var actions: [String]
    /// Predicted fractions by element symbol.
    public var predicted: [String: Double]
    /// Observed fractions by element symbol (nil for unlabelled rows).
    public var observed: [String: Double]?
    /// Σ |predicted − observed| as the model reported it.
    public var l1: Double?
    public var elemd: Double?
    /// √(trace of the members' covariance).
    public var uncertainty: Double
    /// The ensemble-mean reaction embedding.
    public var embedding: [Float]

    public init(id: String, composition: String, doi: String, split: String, precursors: [String], actions: [String],
                predicted: [String: Double], observed: [String: Double]?, l1: Double?, elemd: Double?,
                uncertainty: Double, embedding: [Float]) {
        self.id = id
        self.composition = composition
        self.doi = doi
        self.split = split
        self.precursors = precursors
        self.actions = actions
        self.predicted = predicted
        self.observed = observed
        self.l1 = l1
        self.elemd = elemd
        self.uncertainty = uncertainty
        self.embedding = embedding
    }

    /// The prediction error: the reported `l1`, else Σ |predicted − observed| over both element
    /// sets; nil without an observed target.
    public var error: Double? {
        if let l1 { return l1 }
        guard let observed else { return nil }
        return L1Distance.between(predicted, observed)
    }
}

/// Σ |a − b| over the union of two fraction dictionaries.
public enum L1Distance {
    public static func between(_ a: [String: Double], _ b: [String: Double]) -> Double {
        Set(a.keys).union(b.keys).reduce(0) { $0 + abs((a[$1] ?? 0) - (b[$1] ?? 0)) }
    }
}

/// Reads prediction JSON lines, checking every line and reporting the first bad one with its
/// line number and field.
public enum ReactionPredictionFile {
    /// The records of the file at `path`, in file order (blank lines skipped).
    public static func load(path: String) throws(ReviewError) -> [ReactionPredictionRecord] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? error.localizedDescription : "no such file")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses JSON-lines text; `path` names the source in errors.
    public static func parse(_ text: String, path: String) throws(ReviewError) -> [ReactionPredictionRecord] {
        var records: [ReactionPredictionRecord] = []
        var seen: [String: Int] = [:]
        let decoder = JSONDecoder()
        var dimension: Int?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let number = index + 1
            let record: ReactionPredictionRecord
            do {
                record = try decoder.decode(ReactionPredictionRecord.self, from: Data(line.utf8))
            } catch let DecodingError.keyNotFound(key, _) {
                throw .invalidLine(path: path, line: number, field: key.stringValue, reason: "missing")
            } catch let DecodingError.typeMismatch(_, context) {
                throw .invalidLine(path: path, line: number, field: fieldName(context), reason: context.debugDescription)
            } catch let DecodingError.valueNotFound(_, context) {
                throw .invalidLine(path: path, line: number, field: fieldName(context), reason: "null")
            } catch {
                throw .invalidLine(path: path, line: number, field: "(line)", reason: "not a JSON object of the predict-reaction shape")
            }
            guard !record.id.isEmpty else { throw .invalidLine(path: path, line: number, field: "id", reason: "empty") }
            if let first = seen[record.id] {
                throw .invalidLine(path: path, line: number, field: "id", reason: "\(record.id) repeats line \(first)")
            }
            guard !record.embedding.isEmpty, record.embedding.allSatisfy(\.isFinite) else {
                throw .invalidLine(path: path, line: number, field: "embedding", reason: "empty or not finite")
            }
            if let dimension, dimension != record.embedding.count {
                throw .invalidLine(path: path, line: number, field: "embedding",
                                   reason: "\(record.embedding.count) values; earlier lines have \(dimension)")
            }
            guard record.uncertainty.isFinite, record.uncertainty >= 0 else {
                throw .invalidLine(path: path, line: number, field: "uncertainty", reason: "\(record.uncertainty) is not a finite value ≥ 0")
            }
            if let error = record.error, !error.isFinite {
                throw .invalidLine(path: path, line: number, field: "l1", reason: "not finite")
            }
            dimension = record.embedding.count
            seen[record.id] = number
            records.append(record)
        }
        guard !records.isEmpty else { throw .empty(what: "\(path) holds no predictions") }
        return records
    }

    private static func fieldName(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? "(line)" : path
    }
}
