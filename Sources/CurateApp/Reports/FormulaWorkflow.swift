import Chemistry
import Foundation

/// `curate formula TEXT... | --file FILE`: one report per formula.
public enum FormulaWorkflow {
    /// The reports and how many were rejected.
    public struct Result: Sendable, Equatable, Codable {
        public var reports: [FormulaReport]
        public var failures: Int
    }

    /// Parses `formulas` and then every non-empty line of `file` (a leading BOM and CR line ends
    /// are dropped), with `bindings` (`x=0.15,R=Pr`) for variables and placeholders.
    public static func parse(_ formulas: [String], file: String? = nil, bindings: String? = nil) throws -> Result {
        let formulaBindings = try bindings.map { text in try step { try FormulaBindings(parsing: text) } } ?? .none
        var inputs: [(String, Int?)] = formulas.map { ($0, nil) }
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw WorkflowError("\(file): cannot read file") }
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            // "\r\n" is one Character in Swift: split on it as well as on "\n".
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            for (index, line) in lines.enumerated() {
                let trimmed = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
                if !trimmed.isEmpty { inputs.append((trimmed, index + 1)) }
            }
        }
        let reports = inputs.map { FormulaReport(input: $0.0, line: $0.1, bindings: formulaBindings) }
        return Result(reports: reports, failures: reports.filter { !$0.ok }.count)
    }
}
