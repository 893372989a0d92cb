import ArgumentParser
import CurateApp

/// `curate stats`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Counts per source, per property and qualifier, and per quarantine reason.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let stats = try StoreInventory.stats(storePath: options.storePath)
        if options.json { return try printJSON(stats) }
        print("store \(options.storePath): \(stats.materialCount) materials")
        print("sources:")
        for source in stats.sources {
            print("  \(source.kind)/\(source.name) [\(source.layout)]: runs \(source.runs), raw \(source.rawRecords), observations \(source.observations), duplicates \(source.duplicates), quarantined \(source.quarantined)")
        }
        print("observations:")
        for entry in stats.observationsByProperty { print("  \(entry.property) \(entry.qualifier): \(entry.count)") }
        print("quarantine:")
        for entry in stats.quarantineByReason { print("  \(entry.reasonCode): \(entry.count)") }
    }
}
