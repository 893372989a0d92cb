import ArgumentParser
import CurateApp
import Foundation
import Models

/// The options every `curate train MODEL` shares.
struct TrainRunOptions: ParsableArguments {
    @Option(name: .long, help: "Passes over the training data.")
    var epochs: Int

    @Option(name: .long, help: "Ensemble members W (default: 1; 5 for the reaction model).")
    var ensemble: Int?

    @Option(name: .long, help: ArgumentHelp(
        "Members trained at once (default: one per core, at most --ensemble).",
        discussion: "Each runs OpenBLAS single-threaded; weights equal sequential training with OPENBLAS_NUM_THREADS=1."))
    var parallel: Int?

    @Option(name: .long, help: "Output directory (trained in .NAME.partial beside it, then renamed into place).")
    var out: String

    @Flag(name: .long, help: "Replace an existing --out.")
    var overwrite = false

    @Option(name: .long, help: "Continue a killed run from its staging directory (.NAME.partial beside --out); give the same options.")
    var resume: String?

    @Option(name: .long, help: "Checkpoint every N epochs into the staging directory, so --resume loses at most N epochs.")
    var checkpointEvery: Int?

    @Option(name: .long, help: ArgumentHelp("Stop after the checkpoint of this epoch, as a kill would (tests).", visibility: .hidden))
    var stopAfterEpoch: Int?

    @Option(name: .long, help: "Seed of the split; member k uses seed + k (reaction: seed + 1 + k).")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Mini-batch size.")
    var batchSize = 128

    @Option(name: .long, help: "Share of rows held out for validation and checkpoint selection (a release uses its own validation split).")
    var valFraction = 0.1

    @Option(name: .long, help: "AdamW learning rate (default: 3e-4; 1e-3 for the reaction model).")
    var learningRate: Float?

    @Option(name: .long, help: "Learning-rate schedule: constant, or cosine (annealed to 1 % of the rate at the last epoch).")
    var lrSchedule = LearningRateSchedule.constant

    @Option(name: .long, help: "Early stopping: end a member once its validation score has not improved for N epochs.")
    var patience: Int?

    @Flag(name: .long, help: "Print a JSON summary.")
    var json = false

    /// A request with these options and `data`.
    func request(data: String, defaultEnsemble: Int = 1) -> TrainingRequest {
        var request = TrainingRequest(data: data, out: out, epochs: epochs, ensemble: ensemble ?? defaultEnsemble)
        request.parallel = parallel
        request.overwrite = overwrite
        request.resume = resume
        request.checkpointEvery = checkpointEvery
        request.stopAfterEpoch = stopAfterEpoch
        request.seed = seed
        request.batchSize = batchSize
        request.validationFraction = valFraction
        request.learningRate = learningRate
        request.schedule = lrSchedule
        request.patience = patience
        return request
    }
}

extension LearningRateSchedule: ExpressibleByArgument {}

/// Runs a training workflow with a progress bar on standard error and prints its summary.
func runTraining(json: Bool, _ workflow: (TrainingObserver) throws(ModelWorkflowError) -> TrainingSummary) throws {
    let bar = ProgressHolder()
    let observer = TrainingObserver(log: { bar.print($0) }, started: { bar.start(total: $0) }, batch: { bar.advance(by: $0) })
    let summary = try workflowStep { () throws(ModelWorkflowError) in try workflow(observer) }
    bar.finish()
    if json { return try printJSON(summary) }
    let scores = summary.bestValidationScore.map { $0.map(format) ?? "-" }.joined(separator: ", ")
    print("saved \(summary.members) \(summary.model) member\(summary.members == 1 ? "" : "s") to \(summary.out) (best val "
          + "\(summary.model == "reaction" ? "L1" : "MAE") \(scores); "
          + String(format: "%.0f samples/s per member, %.0f for the ensemble with %d at a time; %.1f s)",
                   summary.samplesPerSecond, summary.ensembleSamplesPerSecond, summary.parallel, summary.seconds))
}

/// Runs a workflow step, turning its error into a one-paragraph failure.
func workflowStep<T>(_ body: () throws(ModelWorkflowError) -> T) throws -> T {
    do { return try body() } catch { throw CommandFailure(error.description) }
}

/// A progress bar created once the total is known, usable from training threads.
final class ProgressHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var bar: TerminalProgress?

    func start(total: Int) { locked { bar = TerminalProgress(total: total, label: "training") } }
    func advance(by rows: Int) { locked { bar?.advance(by: rows) } }
    func print(_ line: String) { locked { if let bar { bar.print(line) } else { printError(line) } } }
    func finish() { locked { bar?.finish() } }

    private func locked(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }
}

/// Runs a model-library step, turning its error into a one-line (or one-paragraph) failure.
func modelStep<T>(_ body: () throws(ModelsError) -> T) throws -> T {
    do { return try body() } catch { throw CommandFailure(error.description) }
}

/// Four significant digits.
func format(_ value: Double) -> String { String(format: "%.4g", value) }
