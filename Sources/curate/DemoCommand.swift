import ArgumentParser
import CurateApp
import Foundation

/// `curate demo`: the main job end to end on the shared data, in a fresh folder.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the main job end to end on the shared data: ingest, clean, release, flag; print what it made and where.",
        discussion: """
            Ingests Stanev 2018 + MDR 2024 SuperCon and the 2019 text-mined synthesis reactions into a SQLite store in \
            --out, cleans, releases supercon-tc and solid-state-synthesis (specs from --specs) and runs the element-balance \
            flags on the reactions. A second run replaces the folder (only a folder an earlier demo made).
            """)

    @Option(name: .long, help: "The shared data directory (supercon/, synthesis/).")
    var data = "../shared/data"

    @Option(name: .long, help: "The folder to make (replaced when an earlier demo made it).")
    var out = "curate-demo"

    @Option(name: .long, help: "The folder holding the dataset and curation specs.")
    var specs = "datasets"

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        var request = DemoWorkflow.Request()
        (request.dataDirectory, request.outDirectory, request.specsDirectory) = (data, out, specs)
        request.command = CommandLine.arguments.first ?? "curate"
        let summary = try DemoWorkflow.run(request)
        if json { return try printJSON(summary) }
        print(DemoText.lines(summary).joined(separator: "\n"))
    }
}

/// The text `curate demo` prints.
enum DemoText {
    static func lines(_ s: DemoSummary) -> [String] {
        var lines = ["\(s.replaced ? "replaced the earlier demo in" : "made") \(s.folder) in \(String(format: "%.1f", s.seconds)) s", "store: \(s.store)"]
        for i in s.ingested {
            lines.append("  ingested \(i.name): \(i.read) read, \(i.stored) stored, \(i.duplicates) duplicates, \(i.quarantined) quarantined")
        }
        for c in s.cleaned { lines.append("  curation run \(c.runId) (\(c.spec)): \(c.curated) curated records from \(c.input) observations, \(c.excluded) excluded") }
        lines.append("releases:")
        for r in s.releases { lines.append("  \(r.name) \(r.version): \(r.records) records (\(countsText(r.splits))) in \(r.directory)") }
        let b = s.balance
        lines.append("element balance: \(b.checked) reactions checked, \(b.flagged) flagged (\(countsText(b.byRule))); \(b.flagsRecorded) flags recorded for review")
        if let report = s.report { lines.append("report: \(report)") }
        lines.append("next:")
        lines += s.nextCommands.map { "  " + $0 }
        return lines
    }
}
