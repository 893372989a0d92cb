import ArgumentParser
import CurateApp

/// `curate report TARGET [--out FILE.html]` / `curate report --store S`.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML report (inline SVG charts, no network) of a release, a model, a store or a hull.",
        discussion: """
            TARGET is a release directory (manifest.json) or a model directory (ensemble.json); with no TARGET the \
            report is of the store. A model report evaluates the model on the test split of --data RELEASE. TARGET may \
            also be a pymatgen entries file (.json or .json.gz): the convex hull of its chemical system, or of --chemsys \
            (two elements: formation energy against composition; three: the ternary triangle). With no TARGET and \
            --chemsys, the hull of the store's formation energies in that system (computed, not recorded).
            """)

    @Argument(help: "A release directory, a model directory or a pymatgen entries file (omit for a store report).")
    var target: String?

    @Option(name: .long, help: "Release (or CSV) whose test split a model report scores the model on.")
    var data: String?

    @Option(name: .long, help: "Target column when --data is a CSV file (default: target).")
    var targetColumn: String?

    @Option(name: .long, help: "Chemical system of a hull report, e.g. Fe-O or Li-Fe-O (entries file: default every element; store: required).")
    var chemsys: String?

    @Option(name: .long, help: "HTML file to write (default: TARGET/report.html, or store-report.html).")
    var out: String?

    @OptionGroup var options: StoreOptions

    func run() throws {
        var request = ReportRequest(target: target, store: target == nil ? options.storePath : nil, data: data, out: out)
        (request.targetColumn, request.chemsys) = (targetColumn, chemsys)
        let summary = try ReportWorkflow.report(request)
        if options.json { return try printJSON(summary) }
        print("wrote the \(summary.kind) report to \(summary.out) (\(summary.charts.count) charts, \(summary.bytes) bytes)")
    }
}
