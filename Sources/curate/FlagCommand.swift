import ArgumentParser
import CurateApp
import Foundation

/// `curate flag reactions|properties`: raise review flags from a model's predictions.
struct FlagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flag",
        abstract: "Raise review flags: reactions whose recorded target a confident model contradicts, or property values far from a Roost ensemble.",
        subcommands: [FlagReactionsCommand.self, FlagPropertiesCommand.self])
}

/// `curate flag reactions --predictions FILE`.
struct FlagReactionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reactions",
        abstract: "Flag reactions with a large error, low uncertainty and very similar neighbours; store every embedding for `curate similar`.",
        discussion: """
            Either --model DIR --data RELEASE (the reaction ensemble predicts every reaction of the release in \
            this process) or --predictions FILE, the JSON-lines output of `curate predict reaction --json` (run it \
            with --split all so the training reactions serve as neighbours). score = s·L1/(u + ũ): the error in units of the \
            ensemble uncertainty u (ũ: its median, a floor), times s, the mean cosine similarity of the K \
            nearest reference (training) reactions. Re-running with the same model or file is idempotent.
            """)

    @Option(name: .long, help: "Predictions (JSON lines from `curate predict reaction --json`).")
    var predictions: String?

    @Option(name: .long, help: "The reaction model directory (run on --data, or recorded as the producer of --predictions).")
    var model: String?

    @Option(name: .long, help: "A reaction release directory or records.jsonl to predict with --model (every split).")
    var data: String?

    @Option(name: .long, help: "How many of the highest-scoring reactions become flags.")
    var top = 50

    @Option(name: .long, help: "Neighbours kept as evidence and averaged into the similarity term.")
    var neighbours = 5

    @Option(name: .long, help: "The split whose reactions serve as neighbours (all labelled reactions when absent).")
    var referenceSplit = "train"

    @Flag(name: .long, help: "Print how long reading, and scoring plus storing, took (standard error).")
    var timings = false

    @OptionGroup var options: StoreOptions

    func run() throws {
        let input: FlagRaising.ReactionInput
        switch (predictions, data, model) {
        case (let file?, nil, _): input = .predictions(file: file, model: model)
        case (nil, let release?, let modelPath?): input = .model(directory: modelPath, data: release)
        default: throw ValidationError("give either --predictions FILE, or --model DIR with --data RELEASE")
        }
        let clock = ContinuousClock()
        let started = clock.now
        let summary = try withStageProgress("flag", json: options.json) { progress in
            try FlagRaising.reactions(input, storePath: options.storePath,
                                      options: .init(top: top, scoring: .init(neighbours: neighbours, referenceSplit: referenceSplit)), progress: progress)
        }
        if timings { printError("timings: read, score and store \(clock.now - started)") }
        if options.json { return try printJSON(summary) }
        let r = summary.recording
        print("scored \(summary.scored) labelled reactions against \(summary.references) references; stored \(summary.embeddingsStored) embeddings as \(summary.embeddingModel)")
        print("flags: \(r.inserted) new, \(r.refreshed) refreshed, \(r.alreadyDecided) already decided, \(r.suppressedByRejection) not raised (rejected before)")
        for line in summary.flags {
            print(String(format: "%@\t%.4f\t%@\t%@\tL1 %.3f\tunc %.4f\tsim %.3f", line.flagId.map { "#\($0)" } ?? "-", line.score,
                         line.reactionId, line.composition, line.error, line.uncertainty, line.meanNeighbourSimilarity))
        }
    }
}

/// `curate flag properties --model ROOST_DIR`.
struct FlagPropertiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "properties",
        abstract: "Flag stored measured values that differ from a Roost ensemble's prediction by more than --threshold total standard deviations.")

    @Option(name: .long, help: "Roost model directory (curate train roost).")
    var model: String

    @Option(name: .long, help: "The property to check (default: the target the model was trained on).")
    var property: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Only these sources (name or kind/name).")
    var source: [String] = []

    @Option(name: .long, help: "Flag when |observed − mean| / total_std exceeds this.")
    var threshold = 4.0

    @Option(name: .long, help: "At most this many flags, highest z first.")
    var top = 500

    @Option(name: .long, help: "Neighbours (by element-fraction cosine) kept as evidence.")
    var neighbours = 5

    @OptionGroup var options: StoreOptions

    func run() throws {
        let summary = try withStageProgress("flag", json: options.json) { progress in
            try FlagRaising.properties(model: model, property: property, sources: source, storePath: options.storePath,
                                       options: .init(threshold: threshold, neighbours: neighbours, top: top), progress: progress)
        }
        if options.json { return try printJSON(summary) }
        let r = summary.recording
        print("\(summary.property): predicted \(summary.scored) of \(summary.observations) observations; \(summary.flags.count) above z = \(threshold)")
        print("flags: \(r.inserted) new, \(r.refreshed) refreshed, \(r.alreadyDecided) already decided, \(r.suppressedByRejection) not raised (rejected before)")
        for line in summary.flags {
            print(String(format: "%@\tz %.1f\t%@\t%@ %@\tobserved %.4g\tpredicted %.4g ± %.3g", line.flagId.map { "#\($0)" } ?? "-", line.z,
                         line.formula, line.source, line.locator, line.observed, line.predicted, line.totalStd))
        }
    }
}
