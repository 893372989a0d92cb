import ArgumentParser
import CurateApp

/// `curate clean SPEC`.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Run a curation spec: versioned rules, dedup clusters and the exclusion ledger; prints the funnel.",
        discussion: "Specs live in datasets/ (e.g. datasets/supercon-tc.curation.json). Ingested records are never edited: each run is recorded with its ledger and clusters.")

    @Argument(help: "Curation spec (JSON).")
    var spec: String

    @OptionGroup var options: StoreOptions

    func run() throws {
        let report = try withStageProgress("clean", json: options.json) { progress in
            try CleanWorkflow.clean(specPath: spec, storePath: options.storePath, progress: progress)
        }
        if options.json { return try printJSON(report) }
        print("curation run \(report.runId): \(report.spec) \(report.specVersion) (spec sha256 \(report.specSHA256.prefix(12))…)")
        for step in report.funnel {
            let removed = step.removed > 0 ? "  (−\(step.removed))" : ""
            print("  \(step.step.padding(toLength: 52, withPad: " ", startingAt: 0)) \(step.remaining)\(removed)")
        }
        print("\(report.curated) curated records from \(report.input) observations; \(report.excluded) in the ledger; \(report.flaggedClusters) clusters flagged for spread")
    }
}
