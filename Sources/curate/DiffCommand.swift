import ArgumentParser
import CurateApp

/// `curate diff NAME@A NAME@B`.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Records added, removed and changed between two releases, and records that moved split.",
        discussion: "NAME@VERSION resolves to <root>/NAME/VERSION (root: --root, default datasets); a directory path works too.")

    @Argument(help: "Older release: NAME@VERSION or a directory.")
    var from: String

    @Argument(help: "Newer release: NAME@VERSION or a directory.")
    var to: String

    @Option(name: .long, help: "Directory holding released datasets.")
    var root = "datasets"

    @Option(name: .long, help: "Records listed per category in text output.")
    var limit = 20

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let diff = try ReleaseWorkflow.diff(from: from, to: to, root: root)
        if json { return try printJSON(diff) }
        print("\(from) → \(to): \(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed, \(diff.moved.count) moved split, \(diff.unchanged) unchanged")
        for line in diff.added.prefix(limit) { print("  + \(line.id) \(line.composition) \(line.target.map { "\($0)" } ?? "") [\(line.split)]") }
        for line in diff.removed.prefix(limit) { print("  - \(line.id) \(line.composition) \(line.target.map { "\($0)" } ?? "") [\(line.split)]") }
        for change in diff.changed.prefix(limit) { print("  ~ \(change.id) \(change.composition): \(change.fields.joined(separator: "; "))") }
        for change in diff.moved.prefix(limit) { print("  > \(change.id) \(change.composition): \(change.fields.joined(separator: "; "))") }
    }
}
