import ArgumentParser
import CurateApp

/// `curate ledger`.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "List the records a curation run excluded, with rule, version and reason.")

    @Option(name: .customLong("run"), help: "Curation run id (default: the latest).")
    var runId: Int?

    @Option(name: .long, help: "Only this rule.")
    var rule: String?

    @OptionGroup var options: StoreOptions

    func run() throws {
        let entries = try CurationQueries.ledger(storePath: options.storePath, runId: runId, rule: rule)
        if options.json {
            for entry in entries { try printJSON(entry) }
            return
        }
        for entry in entries {
            print("\(entry.sourceName) \(entry.locator) \(entry.formulaAsWritten): \(entry.rule) (\(entry.ruleVersion)): \(entry.reason)")
        }
        if entries.isEmpty { print("no exclusions") }
    }
}
