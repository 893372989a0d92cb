import ArgumentParser
import CurateApp

/// `curate quarantine`.
struct QuarantineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine", abstract: "List quarantined records with their reason, file and line.")

    @Option(name: .long, help: "Only this reason code (e.g. formula.unknown_element).")
    var reason: String?

    @Option(name: .long, help: "Only this source name.")
    var source: String?

    @Option(name: .long, help: "At most this many entries.")
    var limit: Int?

    @OptionGroup var options: StoreOptions

    func run() throws {
        let entries = try StoreInventory.quarantine(storePath: options.storePath, reason: reason, source: source, limit: limit)
        if options.json {
            for entry in entries { try printJSON(entry) }
            return
        }
        for entry in entries {
            let field = entry.field.map { " field \($0)" } ?? ""
            let position = entry.position.map { " position \($0)" } ?? ""
            print("\(entry.filePath):\(entry.line.map(String.init) ?? entry.locator): \(entry.reasonCode)\(field)\(position): \(entry.message)")
            print("    \(entry.rawContent)")
        }
        if entries.isEmpty { print("quarantine is empty") }
    }
}
