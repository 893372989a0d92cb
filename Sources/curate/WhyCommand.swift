import ArgumentParser
import Chemistry
import Store

/// `curate why FORMULA`.
struct WhyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why", abstract: "Explain what a curation run did with every record of a material: kept in which cluster, or excluded by which rule.")

    @Argument(help: "A formula (any writing of the composition).")
    var formula: String

    @Option(name: .customLong("run"), help: "Curation run id (default: the latest).")
    var runId: Int?

    @OptionGroup var options: StoreOptions

    struct Output: Encodable {
        var canonicalKey: String
        var runId: Int?
        var observations: Int
        var cluster: ClusterEntry?
        var exclusions: [ExclusionEntry]
        var notInRun: [Int]
    }

    func run() throws {
        let key: String
        do {
            key = try Composition(formula: formula).canonicalKey()
        } catch {
            throw CommandFailure(String(describing: error))
        }
        let store = try options.open()
        let runRecord = try store.curationRun(runId)
        let observations = try store.observations(canonicalKey: key)
        let cluster = try store.clusters(runId: runRecord?.id, key: key).first
        let exclusions = try store.exclusions(runId: runRecord?.id, canonicalKey: key)
        let accounted = Set(exclusions.map(\.observationId)).union(cluster?.members ?? [])
        let notInRun = observations.map(\.id).filter { !accounted.contains($0) }
        let output = Output(canonicalKey: key, runId: runRecord?.id, observations: observations.count, cluster: cluster,
                            exclusions: exclusions, notInRun: notInRun)
        if options.json { return try printJSON(output) }
        guard let runRecord else { return print("no curation run in \(options.storePath); run `curate clean SPEC` first") }
        print("\(formula) (key \(key)): \(observations.count) observation(s) in the store; curation run \(runRecord.id) (\(runRecord.specName))")
        if let cluster {
            print("  kept: cluster of \(cluster.size), \(cluster.aggregation) = \(cluster.value.map { "\($0)" } ?? cluster.qualifier)\(cluster.flagged ? " (flagged for spread)" : ""); members \(cluster.members)")
        } else {
            print("  not in the curated output")
        }
        for exclusion in exclusions {
            print("  excluded observation \(exclusion.observationId) (\(exclusion.sourceName) \(exclusion.locator), \"\(exclusion.formulaAsWritten)\"): \(exclusion.rule) — \(exclusion.reason)")
        }
        if !notInRun.isEmpty {
            print("  \(notInRun.count) observation(s) were not inputs of this run (another property or source): \(notInRun)")
        }
    }
}
