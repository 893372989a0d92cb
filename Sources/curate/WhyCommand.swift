import ArgumentParser
import CurateApp

/// `curate why FORMULA`.
struct WhyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why", abstract: "Explain what a curation run did with every record of a material: kept in which cluster, or excluded by which rule.")

    @Argument(help: "A formula (any writing of the composition).")
    var formula: String

    @Option(name: .customLong("run"), help: "Curation run id (default: the latest).")
    var runId: Int?

    @OptionGroup var options: StoreOptions

    func run() throws {
        let output = try CurationQueries.why(formula: formula, storePath: options.storePath, runId: runId)
        if options.json { return try printJSON(output) }
        guard let runId = output.runId else { return print("no curation run in \(options.storePath); run `curate clean SPEC` first") }
        print("\(formula) (key \(output.canonicalKey)): \(output.observations) observation(s) in the store; curation run \(runId) (\(output.specName ?? ""))")
        if let cluster = output.cluster {
            print("  kept: cluster of \(cluster.size), \(cluster.aggregation) = \(cluster.value.map { "\($0)" } ?? cluster.qualifier)\(cluster.flagged ? " (flagged for spread)" : ""); members \(cluster.members)")
        } else {
            print("  not in the curated output")
        }
        for exclusion in output.exclusions {
            print("  excluded observation \(exclusion.observationId) (\(exclusion.sourceName) \(exclusion.locator), \"\(exclusion.formulaAsWritten)\"): \(exclusion.rule) — \(exclusion.reason)")
        }
        if !output.notInRun.isEmpty {
            print("  \(output.notInRun.count) observation(s) were not inputs of this run (another property or source): \(output.notInRun)")
        }
    }
}
