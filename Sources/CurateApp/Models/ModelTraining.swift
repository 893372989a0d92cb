import Foundation
import Ingest
import Learning
import Models
import CurateIO

/// `curate train MODEL`: the run every model shares — staging directory beside `--out`,
/// checkpoints, resume, the generic ensemble trainer, progress lines, commit and summary.
public enum ModelTraining {
    /// Members trained at once: the request's, else one per core up to W.
    static func parallelism(_ request: TrainingRequest) throws(ModelWorkflowError) -> Int {
        let parallel = request.parallel ?? max(1, min(request.ensemble, ProcessInfo.processInfo.activeProcessorCount))
        guard parallel >= 1 else { throw ModelWorkflowError("--parallel must be at least 1") }
        return parallel
    }

    /// Checks the options every model shares.
    static func options(_ request: TrainingRequest, learningRate: Float) throws(ModelWorkflowError) -> TrainingOptions {
        var options = TrainingOptions(epochs: request.epochs, batchSize: request.batchSize, learningRate: learningRate,
                                      validationFraction: request.validationFraction, seed: request.seed)
        options.schedule = request.schedule
        options.patience = request.patience
        if let problem = options.problem { throw ModelWorkflowError(problem) }
        guard request.ensemble >= 1 else { throw ModelWorkflowError("--ensemble must be at least 1") }
        if let every = request.checkpointEvery, every < 1 { throw ModelWorkflowError("--checkpoint-every must be at least 1") }
        return options
    }

    /// Metadata every member starts from.
    static func metadata(_ request: TrainingRequest, options: TrainingOptions, dataFile: String, sha256: String?,
                         target: String) -> TrainingMetadata {
        TrainingMetadata(seed: request.seed, splitSeed: request.seed, epochs: request.epochs, batchSize: request.batchSize,
                         learningRate: options.learningRate, weightDecay: options.weightDecay,
                         validationFraction: request.validationFraction, dataFile: dataFile, dataSHA256: sha256,
                         target: target, initFrom: request.initFrom, toolVersion: CurateVersion.current)
    }

    /// How a model's ensemble is trained once the run is set up: with the checkpoint plan,
    /// the parallelism and the progress callbacks.
    typealias Trainer<Model: TrainableModel> = (_ plan: CheckpointPlan, _ parallel: Int,
                                                _ progress: @escaping @Sendable (Int, EpochRecord) -> Void,
                                                _ onBatch: @escaping @Sendable (Int, Int) -> Void) throws(ModelsError) -> Ensemble<Model>

    /// Trains `Model` into `request.out` through a staging directory and returns the summary;
    /// `rows` are the rows read, `trainRows` those trained on.
    static func run<Model: TrainableModel>(
        _ type: Model.Type, request: TrainingRequest, rows: Int, trainRows: Int, embeddingName: String?,
        observer: TrainingObserver, train: Trainer<Model>
    ) throws(ModelWorkflowError) -> TrainingSummary {
        let parallel = try parallelism(request)
        let staged = try modelStep { () throws(ModelsError) in
            try StagedModelDirectory.begin(out: request.out, overwrite: request.overwrite, resume: request.resume)
        }
        let plan = CheckpointPlan(directory: staged, every: request.checkpointEvery, stopAfterEpoch: request.stopAfterEpoch)
        observer.log("training \(request.ensemble) \(Model.displayName) member\(request.ensemble == 1 ? "" : "s") on \(rows) rows of "
                     + "\(request.data) (\(parallel) at once) in \(staged.staging.path)"
                     + (request.checkpointEvery.map { ", checkpoint every \($0) epochs" } ?? ""))
        observer.started(trainRows * request.epochs * request.ensemble)
        let throughput = Throughput()
        let progress: @Sendable (Int, EpochRecord) -> Void = { member, record in
            throughput.add(Double(trainRows) / max(record.trainingSeconds, 1e-9))
            observer.log(epochLine(Model.self, member: member, members: request.ensemble, epochs: request.epochs, record: record))
        }
        let started = Date()
        let trained = try modelStep { () throws(ModelsError) in
            try train(plan, parallel, progress, { _, rows in observer.batch(rows) })
        }
        let seconds = Date().timeIntervalSince(started)
        try modelStep { () throws(ModelsError) in try staged.commit(trained, toolVersion: CurateVersion.current) }
        return TrainingSummary(
            out: request.out, model: Model.name, rows: rows, members: trained.members.count, embedding: embeddingName,
            bestValidationScore: trained.members.map(\.metadata.bestValidationMAE), bestEpoch: trained.members.map(\.metadata.bestEpoch),
            seconds: seconds, samplesPerSecond: throughput.mean,
            ensembleSamplesPerSecond: Double(trainRows * request.epochs * trained.members.count) / max(seconds, 1e-9),
            parallel: parallel, runID: staged.runID)
    }

    /// Rows trained on: the split's, else what the seeded split leaves.
    static func trainRows(count: Int, split: (train: [Int], validation: [Int])?, options: TrainingOptions) -> Int {
        split?.train.count
            ?? count - DataSplit.split(count: count, validationFraction: options.validationFraction, seed: options.seed).validation.count
    }

    /// `member 1/2 epoch 3/5: train loss 0.41 (mae 0.2), val loss 0.39 (mae 0.19) (1.2 s)`.
    static func epochLine<Model: TrainableModel>(_ type: Model.Type, member: Int, members: Int, epochs: Int, record: EpochRecord) -> String {
        func named(_ names: [String], _ values: [Double]) -> String {
            zip(names, values).map { "\($0) \(format($1))" }.joined(separator: ", ")
        }
        var line = "member \(member + 1)/\(members) epoch \(record.epoch)/\(epochs): train loss \(format(record.trainLoss)) "
            + "(\(named(Model.trainingMetricNames, record.trainMetrics)))"
        if let loss = record.validationLoss, let metrics = record.validationMetrics {
            line += ", val loss \(format(loss)) (\(named(Model.validationMetricNames, metrics)))"
        }
        return line + String(format: " (%.1f s)", record.seconds)
    }
}

/// Four significant digits.
func format(_ value: Double) -> String { String(format: "%.4g", value) }

/// Per-epoch throughputs reported from several training threads.
final class Throughput: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Double] = []

    func add(_ value: Double) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    var mean: Double {
        lock.lock()
        defer { lock.unlock() }
        return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }
}
