import ArgumentParser
import Foundation
import Review
import Store

/// `curate flags`: list, read, decide and export review flags; plant and score errors.
struct FlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: "Review flags: list (default), show, accept, reject, export; plant errors in a release and score a ranking against them.",
        subcommands: [FlagsListCommand.self, FlagsShowCommand.self, FlagsAcceptCommand.self, FlagsRejectCommand.self,
                      FlagsExportCommand.self, FlagsPlantCommand.self, FlagsScorePlantedCommand.self, FlagsBalanceCommand.self],
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
        let flags = try reviewCall { try options.open().flags(status: try parseStatus(status), kind: try parseKind(kind)) }
        if options.json {
            for flag in flags { try printJSON(FlagExport.JSONRow(FlagExport.rows([flag])[0])) }
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
        guard let flag = try reviewCall({ try options.open().flag(id: id) }) else { throw CommandFailure("no flag with id \(id)") }
        if options.json { return try printJSON(FlagExport.JSONRow(FlagExport.rows([flag])[0])) }
        print(FlagReport.text(flag))
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

    @OptionGroup var options: StoreOptions

    func run() throws { try decide(id: id, status: .accepted, note: note, options: options) }
}

/// `curate flags reject ID --note TEXT`.
struct FlagsRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject a flag: the record stays, and the same kind of flag is not raised on it again.")

    @Argument(help: "Flag id.")
    var id: Int

    @Option(name: .long, help: "Why (kept with the decision).")
    var note: String

    @OptionGroup var options: StoreOptions

    func run() throws { try decide(id: id, status: .rejected, note: note, options: options) }
}

private func decide(id: Int, status: FlagStatus, note: String, options: StoreOptions) throws {
    guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw ValidationError("--note must not be empty") }
    let flag = try reviewCall { try options.open().decideFlag(id: id, status: status, note: note) }
    if options.json { return try printJSON(FlagExport.JSONRow(FlagExport.rows([flag])[0])) }
    print("flag \(flag.id) \(status.rawValue): \(flag.kind.rawValue) \(flag.subjectKey) (\(flag.subjectLabel))"
          + (status == .accepted ? "; excluded from later releases with reason flag_accepted" : ""))
}

/// `curate flags export`.
struct FlagsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export every flag with its decision (csv or jsonl), ordered by id.")

    @Option(name: .long, help: "Output file (default: standard output).")
    var out: String?

    @Option(name: .long, help: "csv or jsonl.")
    var format = "csv"

    @OptionGroup var options: StoreOptions

    func run() throws {
        guard ["csv", "jsonl"].contains(format) else { throw ValidationError("--format must be csv or jsonl") }
        let flags = try reviewCall { try options.open().flags() }
        let text = format == "csv" ? FlagExport.csv(flags) : try reviewStep { () throws(ReviewError) in try FlagExport.jsonLines(flags) }
        guard let out else { return print(text, terminator: "") }
        do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
            throw CommandFailure("cannot write \(out): \(error.localizedDescription)")
        }
        printError("wrote \(flags.count) flag(s) to \(out)")
    }
}

/// `curate flags plant --release DIR --fraction F --seed S --out DIR2`.
struct FlagsPlantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plant",
        abstract: "Write a copy of a reaction release's records.jsonl with planted errors in its test split, and the answer key planted.csv.",
        discussion: "Corruptions: swapped targets between two reactions, a dot-notation mis-parse keeping one part of the target, a wrong element (Z ± 1). Predict on OUT, then run `curate flags score-planted`.")

    @Option(name: .long, help: "Reaction release directory (or its records.jsonl).")
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
        let (file, text) = try readReactionRecords(release)
        let outcome = try reviewStep { () throws(ReviewError) in try PlantedErrors.plant(text, path: file, fraction: fraction, seed: seed, split: split) }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try outcome.recordsText.write(toFile: (out as NSString).appendingPathComponent("records.jsonl"), atomically: true, encoding: .utf8)
            try PlantedErrors.keyCSV(outcome.key).write(toFile: (out as NSString).appendingPathComponent("planted.csv"), atomically: true, encoding: .utf8)
        } catch {
            throw CommandFailure("cannot write \(out): \(error.localizedDescription)")
        }
        struct Output: Encodable { var eligible: Int; var planted: Int; var byCorruption: [String: Int]; var out: String }
        var counts: [String: Int] = [:]
        for plant in outcome.key { counts[plant.corruption.rawValue, default: 0] += 1 }
        if json { return try printJSON(Output(eligible: outcome.eligible, planted: outcome.key.count, byCorruption: counts, out: out)) }
        print("planted \(outcome.key.count) errors in \(outcome.eligible) \(split) records (\(counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))); wrote \(out)/records.jsonl and \(out)/planted.csv")
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
        let records = try reviewStep { () throws(ReviewError) in try ReactionPredictionFile.load(path: predictions) }
        let read = clock.now
        let keyText: String
        do { keyText = try String(contentsOfFile: key, encoding: .utf8) } catch { throw CommandFailure("cannot read \(key): \(error.localizedDescription)") }
        let plants = try reviewStep { () throws(ReviewError) in try PlantedErrors.parseKey(keyText, path: key) }
        let ranked = try reviewStep { () throws(ReviewError) in
            try ReactionFlagScoring.score(records, options: .init(neighbours: neighbours)).filter { $0.record.split == split }.map(\.record.id)
        }
        if timings { printError("timings: read \(read - started), score \(clock.now - read)") }
        let report = try reviewStep { () throws(ReviewError) in try PlantedScoring.report(ranked: ranked, key: plants) }
        if json { return try printJSON(report) }
        print(String(format: "ranked %d %@ reactions, %d planted (corruption rate %.4f)", report.ranked, split, report.planted, report.corruptionRate))
        for cut in report.cuts {
            print(String(format: "  precision@%d (%@): %.3f  (%d hits, lift %.1f× chance, recall %.3f)", cut.k, cut.label, cut.precision,
                         cut.hits, cut.lift, cut.recall))
        }
        print("  found in the top \(report.planted), by corruption: " + report.byCorruption.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
}

func parseStatus(_ text: String) throws -> FlagStatus? {
    if text == "all" { return nil }
    guard let status = FlagStatus(rawValue: text) else { throw ValidationError("--status must be open, accepted, rejected or all") }
    return status
}

func parseKind(_ text: String?) throws -> FlagKind? {
    guard let text else { return nil }
    guard let kind = FlagKind(rawValue: text) else { throw ValidationError("--kind must be reaction or property") }
    return kind
}

/// The records.jsonl of a reaction release directory (or the file itself), with its text.
func readReactionRecords(_ release: String) throws -> (file: String, text: String) {
    var isDirectory: ObjCBool = false
    let file = FileManager.default.fileExists(atPath: release, isDirectory: &isDirectory) && isDirectory.boolValue
        ? (release as NSString).appendingPathComponent("records.jsonl") : release
    do {
        return (file, try String(contentsOfFile: file, encoding: .utf8))
    } catch {
        throw CommandFailure("cannot read \(file): \(error.localizedDescription)")
    }
}
