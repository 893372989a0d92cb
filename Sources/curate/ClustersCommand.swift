import ArgumentParser
import CurateApp
import Foundation

/// `curate clusters`.
struct ClustersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters", abstract: "List dedup clusters of a curation run with their evidence and aggregated value.")

    @Option(name: .customLong("run"), help: "Curation run id (default: the latest).")
    var runId: Int?

    @Option(name: .long, help: "Only clusters with at least this many members.")
    var minSize = 2

    @Flag(name: .long, help: "Only clusters flagged for a large spread.")
    var flagged = false

    @OptionGroup var options: StoreOptions

    func run() throws {
        let clusters = try CurationQueries.clusters(storePath: options.storePath, runId: runId, minSize: minSize, flaggedOnly: flagged)
        if options.json {
            for cluster in clusters { try printJSON(cluster) }
            return
        }
        for cluster in clusters {
            let value = cluster.value.map { "\($0)" } ?? cluster.qualifier
            let spread = cluster.relativeSpread.map { String(format: " relative spread %.2f", $0) } ?? ""
            print("\(cluster.key): \(cluster.size) records, \(cluster.aggregation) = \(value)\(spread)\(cluster.flagged ? "  FLAGGED" : "")  \(cluster.evidenceJSON)")
        }
        if clusters.isEmpty { print("no clusters") }
    }
}
