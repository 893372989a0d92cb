import ArgumentParser
import Foundation
import Models
import Review
import Store

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
        let clock = ContinuousClock()
        let started = clock.now
        let records: [ReactionPredictionRecord]
        let inputSHA256: String
        switch (predictions, data, model) {
        case (let file?, nil, _):
            records = try reviewStep { () throws(ReviewError) in try ReactionPredictionFile.load(path: file) }
            inputSHA256 = try reviewStep { () throws(ReviewError) in try DirectoryHash.fileSHA256(file) }
        case (nil, let release?, let modelPath?):
            records = try predictInProcess(model: modelPath, data: release)
            inputSHA256 = try reviewStep { () throws(ReviewError) in try DirectoryHash.fileSHA256(ReactionDataset.recordsFile(release)) }
        default:
            throw ValidationError("give either --predictions FILE, or --model DIR with --data RELEASE")
        }
        let read = clock.now
        let producer = FlagProducer(
            modelPath: model ?? "", modelSHA256: try model.map { path in try reviewStep { () throws(ReviewError) in try DirectoryHash.sha256(path: path) } } ?? "",
            inputSHA256: inputSHA256)
        let summary = try reviewCall {
            try ReactionFlagging.run(records, producer: producer, store: options.open(),
                                     options: .init(top: top, scoring: .init(neighbours: neighbours, referenceSplit: referenceSplit)))
        }
        if timings { printError("timings: read \(read - started), score and store \(clock.now - read)") }
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

/// Predicts every reaction of `data` with the reaction ensemble at `model`, as prediction records.
private func predictInProcess(model: String, data: String) throws -> [ReactionPredictionRecord] {
    let ensemble = try modelStep { () throws(ModelsError) in try ReactionEnsemble.load(from: model) }
    let samples = try modelStep { () throws(ModelsError) in try ReactionDataset.load(path: data, split: nil) }
    return ensemble.predict(samples).map { p in
        ReactionPredictionRecord(id: p.id, composition: p.composition, doi: p.doi, split: p.split, precursors: p.precursors,
                                 actions: p.actions, predicted: p.predicted, observed: p.observed, l1: p.l1, elemd: p.elemd,
                                 uncertainty: p.uncertainty, embedding: p.embedding)
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
        let summary = try reviewCall {
            try PropertyFlagRun.run(modelDirectory: model, property: property, sources: source, store: options.open(),
                                    options: .init(threshold: threshold, neighbours: neighbours, top: top))
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

/// Runs a review-library step, turning its error into a one-line failure.
func reviewStep<T>(_ body: () throws(ReviewError) -> T) throws -> T {
    do { return try body() } catch { throw CommandFailure(error.description) }
}

/// Runs a step that may fail with any library error, reporting it as one line.
func reviewCall<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as CommandFailure { throw error } catch let error as ReviewError {
        throw CommandFailure(error.description)
    } catch let error as StoreError {
        throw CommandFailure(error.description)
    } catch let error as ModelsError {
        throw CommandFailure(error.description)
    }
}
