import ArgumentParser
import Chemistry
import CurateKit
import Foundation

/// `curate formula TEXT...` / `curate formula --file FILE`.
struct FormulaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "formula",
        abstract: "Parse formulas: reduced formula, amounts, fractions, chemical system, prototype, variables — or the error and its position.")

    @Argument(help: "Formulas to parse.")
    var formulas: [String] = []

    @Option(name: .long, help: "Read one formula per line from FILE.")
    var file: String?

    @Option(name: .long, help: "Values for variables and placeholders, e.g. x=0.15,R=Pr.")
    var bindings: String?

    @Flag(name: .long, help: "Print one JSON object per input line.")
    var json = false

    func validate() throws {
        if formulas.isEmpty && file == nil { throw ValidationError("give formulas or --file FILE") }
    }

    func run() throws {
        let formulaBindings = try parseBindings(bindings)
        var inputs: [(String, Int?)] = formulas.map { ($0, nil) }
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure("\(file): cannot read file")
            }
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            var lineNumber = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                let trimmed = line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
                if trimmed.isEmpty { continue }
                inputs.append((trimmed, lineNumber))
            }
        }
        var failures = 0
        for (input, line) in inputs {
            let report = FormulaReport(input: input, line: line, bindings: formulaBindings)
            if !report.ok { failures += 1 }
            if json { try printJSON(report) } else { print(report.text) }
        }
        if failures > 0 && !json && inputs.count > 1 {
            printError("\(failures) of \(inputs.count) formulas rejected")
        }
        if failures > 0 && inputs.count == 1 { throw ExitCode(1) }
    }
}
