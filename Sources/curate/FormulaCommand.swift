import ArgumentParser
import CurateApp

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
        let result = try FormulaWorkflow.parse(formulas, file: file, bindings: bindings)
        for report in result.reports {
            if json { try printJSON(report) } else { print(report.text) }
        }
        if result.failures > 0 && !json && result.reports.count > 1 {
            printError("\(result.failures) of \(result.reports.count) formulas rejected")
        }
        if result.failures > 0 && result.reports.count == 1 { throw ExitCode(1) }
    }
}
