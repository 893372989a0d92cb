import ArgumentParser
import CurateApp
import Foundation

/// `curate release SPEC --version X.Y.Z` and `curate release --verify DIR`.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Release a dataset spec as an immutable, versioned directory with a manifest; or verify one by rebuilding it.",
        discussion: """
            Writes <spec dir>/<name>/<version>/ (or --out): records.csv, records.jsonl, excluded.csv (every observation \
            left out and why), exports/roost/<split>.csv, exports/matbench/<split>.json and manifest.json (file sha256s, \
            counts per split, store and input hashes, tool, rule and spglib versions, seed, leakage between splits). \
            A spec's "exports" adds exports/parquet/<split>.parquet ("parquet") or README.md and croissant.json ("card": \
            a Hugging Face dataset card and a Croissant 1.0 description of the per-split CSVs), hashed like every other file. \
            Without --store the sources are ingested into a fresh in-memory store, so a release depends on its files alone. \
            A released version is never overwritten. --verify DIR rebuilds DIR from its manifest and compares every byte.
            """)

    @Argument(help: "Dataset spec (datasets/*.dataset.json); omit with --verify.")
    var spec: String?

    @Option(name: .long, help: "Version to release (MAJOR.MINOR.PATCH).")
    var version: String?

    @Option(name: .long, help: "Release directory (default: <spec dir>/<name>/<version>).")
    var out: String?

    @Option(name: .long, help: "Rebuild and byte-compare this release directory instead of releasing.")
    var verify: String?

    @Option(name: .long, help: "Store to read (missing sources are ingested into it); default: a fresh in-memory store.")
    var store: String?

    @Flag(name: .long, help: "Build and report, but write nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        if let verify { return try runVerify(verify) }
        guard let spec else { throw ValidationError("give a dataset spec, or --verify DIR") }
        guard let version else { throw ValidationError("--version X.Y.Z is required to release") }
        let summary = try withStageProgress("release", json: json) { progress in
            try ReleaseWorkflow.release(specPath: spec, version: version, outDirectory: out, storePath: store, dryRun: dryRun, progress: progress)
        }
        if json { return try printJSON(summary) }
        let manifest = summary.manifest
        print("\(dryRun ? "built (dry run)" : "released") \(manifest.name) \(manifest.version) → \(summary.directory) in \(String(format: "%.2f", summary.seconds)) s")
        if !summary.ingested.isEmpty { print("  ingested: \(summary.ingested.joined(separator: ", "))") }
        for note in summary.leftoverNotes { print("  \(note)") }
        print("  \(manifest.records) records from \(manifest.store.inputObservations) observations; split \(manifest.split.strategy): "
              + countsText(manifest.split.counts))
        print("  left out: " + countsText(manifest.excludedByRule))
        for report in manifest.leakage {
            print("  leakage \(report.a.name)/\(report.b.name): \(report.sharedCompositions) shared compositions, \(report.sharedChemicalSystems) shared chemical systems")
        }
    }

    /// `--verify DIR`: exit code 2 when the rebuild differs.
    private func runVerify(_ directory: String) throws {
        let report = try ReleaseWorkflow.verify(directory: directory, storePath: store)
        if json { try printJSON(report) } else {
            print("\(report.name) \(report.version): \(report.identical.count) file(s) byte-identical, \(report.differing.count) differing, \(report.missing.count) missing, \(report.unexpected.count) unexpected")
            for path in report.differing { print("  differs: \(path)") }
            for path in report.missing { print("  missing: \(path)") }
            for path in report.unexpected { print("  unexpected: \(path)") }
            for line in report.manifestDifferences { print("  manifest \(line)") }
            print(report.verified ? "verified" : "NOT verified")
        }
        if !report.verified { throw ExitCode(2) }
    }
}
