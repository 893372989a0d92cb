import ArgumentParser
import CurateApp
import Foundation

/// `curate flags`: list, read, decide and export review flags; plant and score errors.
struct FlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: "Review flags: list (default), show, accept, reject, undo, history, export; plant errors in a release and score a ranking against them.",
        subcommands: [FlagsListCommand.self, FlagsShowCommand.self, FlagsAcceptCommand.self, FlagsRejectCommand.self,
                      FlagsUndoCommand.self, FlagsHistoryCommand.self, FlagsExportCommand.self, FlagsPlantCommand.self, FlagsScorePlantedCommand.self, FlagsBalanceCommand.self, FlagsQueueCommand.self],
        defaultSubcommand: FlagsListCommand.self)
}

/// `curate flags list`.
struct FlagsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List flags, highest score first.")

    @Option(name: .long, help: "open, accepted, rejected or all.")
    var status = "open"

    @Option(name: .long, help: "reaction or property (default both).")
    var kind: String?

    @OptionGroup var options: StoreOptions

    func run() throws {
        let flags = try FlagDecisions.list(storePath: options.storePath, status: status, kind: kind)
        if options.json {
            for flag in flags { try printJSON(FlagDecisions.jsonRow(flag)) }
            return
        }
        for flag in flags {
            print(String(format: "#%d\t%@\t%@\t%.4f\t%@\t%@", flag.id, flag.status.rawValue, flag.kind.rawValue, flag.score,
                         flag.subjectKey, flag.subjectLabel))
        }
        if flags.isEmpty { print("no \(status == "all" ? "" : status + " ")flags") }
    }
}

/// `curate flags show ID`.
struct FlagsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one flag as a report: record, DOI or source, observed vs predicted, uncertainty, neighbours.")

    @Argument(help: "Flag id.")
    var id: Int

    @OptionGroup var options: StoreOptions

    func run() throws {
        let shown = try FlagDecisions.show(id: id, storePath: options.storePath)
        if options.json { return try printJSON(FlagDecisions.jsonRow(shown.flag)) }
        print(shown.text)
    }
}

/// `curate flags accept ID --note TEXT`.
struct FlagsAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Accept a flag: the record is excluded (reason flag_accepted) from releases built from the store.")

    @Argument(help: "Flag id.")
    var id: Int

    @Option(name: .long, help: "Why (kept with the decision).")
    var note: String

    @Option(name: .long, help: "Who decides (kept in the flag's history; default: $USER).")
    var reviewer: String?

    @OptionGroup var options: StoreOptions

    func run() throws { try decide(id: id, decision: .accept, note: note, reviewer: reviewer, options: options) }
}

/// `curate flags reject ID --note TEXT`.
struct FlagsRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject a flag: the record stays, and the same kind of flag is not raised on it again.")

    @Argument(help: "Flag id.")
    var id: Int

    @Option(name: .long, help: "Why (kept with the decision).")
    var note: String

    @Option(name: .long, help: "Who decides (kept in the flag's history; default: $USER).")
    var reviewer: String?

    @OptionGroup var options: StoreOptions

    func run() throws { try decide(id: id, decision: .reject, note: note, reviewer: reviewer, options: options) }
}

private func decide(id: Int, decision: FlagDecisions.Decision, note: String, reviewer: String?, options: StoreOptions) throws {
    let flag = try FlagDecisions.decide(id: id, decision: decision, note: note, reviewer: reviewer, storePath: options.storePath)
    if options.json { return try printJSON(FlagDecisions.jsonRow(flag)) }
    print("flag \(flag.id) \(flag.status.rawValue): \(flag.kind.rawValue) \(flag.subjectKey) (\(flag.subjectLabel))"
          + (decision == .accept ? "; excluded from later releases with reason flag_accepted" : ""))
}

/// `curate flags export`.
struct FlagsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export every flag with its decision (csv or jsonl), ordered by id.")

    @Option(name: .long, help: "Output file (default: standard output).")
    var out: String?

    @Option(name: .long, help: "csv or jsonl.")
    var format = FlagDecisions.ExportFormat.csv

    @OptionGroup var options: StoreOptions

    func run() throws {
        let export = try FlagDecisions.export(storePath: options.storePath, format: format, out: out)
        guard let out else { return print(export.text, terminator: "") }
        printError("wrote \(export.count) flag(s) to \(out)")
    }
}

/// `curate flags plant --release DIR --fraction F --seed S --out DIR2`.
struct FlagsPlantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plant",
        abstract: "Write a copy of a reaction or property release's records.jsonl with planted errors in its test split, and the answer key planted.csv.",
        discussion: """
            Reaction releases: swapped targets between two reactions, a dot-notation mis-parse keeping one part of the target,             a wrong element (Z ± 1), one element's amount ×3, one element other than O dropped. Property releases (measured             values above 0): a °C value read as K, the decimal point moved (×10 or ÷10), two records' values swapped, one digit             dropped from the formula. Predict on OUT, then run `curate flags score-planted` (reactions) or `curate flags queue`.
            """)

    @Option(name: .long, help: "Reaction or property release directory (or its records.jsonl).")
    var release: String

    @Option(name: .long, help: "Share of the split's records to corrupt.")
    var fraction = 0.05

    @Option(name: .long, help: "Random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Which split to corrupt.")
    var split = "test"

    @Option(name: .long, help: "Output directory (records.jsonl and planted.csv).")
    var out: String

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let planted = try PlantedErrorWorkflow.plant(release: release, fraction: fraction, seed: seed, split: split, out: out)
        if json { return try printJSON(planted) }
        print("planted \(planted.planted) errors in \(planted.eligible) \(split) records (\(countsText(planted.byCorruption))); wrote \(out)/records.jsonl and \(out)/planted.csv")
    }
}

/// `curate flags score-planted --predictions FILE --key planted.csv`.
struct FlagsScorePlantedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score-planted",
        abstract: "Rank predictions with the reaction flag score and report precision at the top k against the corruption rate.")

    @Option(name: .long, help: "Predictions on the corrupted release (curate predict reaction --split all --json).")
    var predictions: String

    @Option(name: .long, help: "The answer key written by `curate flags plant`.")
    var key: String

    @Option(name: .long, help: "Rank only reactions of this split (default: the split of the planted records).")
    var split = "test"

    @Option(name: .long, help: "Neighbours averaged into the similarity term.")
    var neighbours = 5

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Flag(name: .long, help: "Print how long reading and scoring took (standard error).")
    var timings = false

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let report = try PlantedErrorWorkflow.score(predictions: predictions, key: key, split: split, neighbours: neighbours)
        if timings { printError("timings: read and score \(clock.now - started)") }
        if json { return try printJSON(report) }
        print(String(format: "ranked %d %@ reactions, %d planted (corruption rate %.4f)", report.ranked, split, report.planted, report.corruptionRate))
        for cut in report.cuts {
            print(String(format: "  precision@%d (%@): %.3f  (%d hits, lift %.1f× chance, recall %.3f)", cut.k, cut.label, cut.precision,
                         cut.hits, cut.lift, cut.recall))
        }
        print("  found in the top \(report.planted), by corruption: " + countsText(report.byCorruption))
    }
}

extension FlagDecisions.ExportFormat: ExpressibleByArgument {}
