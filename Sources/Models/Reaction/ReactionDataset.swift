import Chemistry
import Foundation

/// Reads reactions from a release directory (its `records.jsonl`) or a `records.jsonl` path.
///
/// Every line is checked before anything is returned: malformed JSON, missing fields, precursor
/// formulas that do not parse or name unknown elements, and targets whose elements and fractions
/// disagree are reported together with their line numbers (`ModelsError.invalidRows`).
public enum ReactionDataset {
    /// The `records.jsonl` file of `path` (a release directory) or `path` itself.
    public static func recordsFile(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return (path as NSString).appendingPathComponent("records.jsonl")
        }
        return path
    }

    /// Loads every reaction of `path`, in file order; `split` keeps only rows with that label.
    public static func load(path: String, split: String? = nil) throws(ModelsError) -> [ReactionSample] {
        let file = recordsFile(path)
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            throw .unreadable(path: file, reason: FileManager.default.fileExists(atPath: file) ? "\(error.localizedDescription)" : "no such file")
        }
        let samples = try parse(text, path: file)
        let kept = split.map { label in samples.filter { $0.split == label } } ?? samples
        guard !kept.isEmpty else { throw .emptyDataset(path: file) }
        return kept
    }

    /// Parses JSON Lines text (blank lines are skipped); `path` names the file in errors.
    public static func parse(_ text: String, path: String) throws(ModelsError) -> [ReactionSample] {
        var samples: [ReactionSample] = []
        var problems: [ModelsError.RowProblem] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            switch sample(line, number: index + 1) {
            case .sample(let sample): samples.append(sample)
            case .problem(let problem): problems.append(problem)
            }
        }
        if !problems.isEmpty { throw .invalidRows(path: path, problems: problems) }
        guard !samples.isEmpty else { throw .emptyDataset(path: path) }
        return samples
    }

    private enum Parsed {
        case sample(ReactionSample)
        case problem(ModelsError.RowProblem)
    }

    private static func sample(_ line: String, number: Int) -> Parsed {
        func problem(_ reason: String) -> Parsed {
            .problem(ModelsError.RowProblem(line: number, reason: reason))
        }
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
            return problem("not a JSON object")
        }
        guard let id = object["id"] as? String, !id.isEmpty else { return problem("field id: missing or not a string") }
        guard let precursors = object["precursors"] as? [String] else { return problem("field precursors: missing or not a list of strings") }
        guard !precursors.isEmpty else { return problem("field precursors: empty") }
        guard let actions = object["actions"] as? [String] else { return problem("field actions: missing or not a list of strings") }
        var compositions: [Composition] = []
        for formula in precursors {
            do { compositions.append(try Composition(formula: formula)) } catch {
                return problem("field precursors: \"\(formula)\": \(error)")
            }
        }
        var target: [(z: Int, fraction: Double)]?
        if let elements = object["target_elements"] as? [String] {
            guard let fractions = (object["target_fractions"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.doubleValue }),
                  fractions.count == elements.count else {
                return problem("field target_fractions: missing, not numbers, or not one per target element")
            }
            var pairs: [(z: Int, fraction: Double)] = []
            for (symbol, fraction) in zip(elements, fractions) {
                guard let z = PeriodicTable.atomicNumber(symbol: symbol) else {
                    return problem("field target_elements: unknown element \"\(symbol)\"")
                }
                guard fraction.isFinite, fraction > 0 else { return problem("field target_fractions: \(fraction) for \(symbol) is not positive") }
                pairs.append((z, fraction))
            }
            let total = pairs.reduce(0) { $0 + $1.fraction }
            guard !pairs.isEmpty, abs(total - 1) < 1e-3 else { return problem("field target_fractions: sum \(total), expected 1") }
            target = pairs.sorted { $0.z < $1.z }.map { ($0.z, $0.fraction / total) }
        }
        return .sample(ReactionSample(
            line: number, id: id, composition: object["composition"] as? String ?? "", doi: object["doi"] as? String ?? "",
            split: object["split"] as? String ?? "", precursors: precursors, precursorCompositions: compositions,
            actions: actions, target: target))
    }
}
