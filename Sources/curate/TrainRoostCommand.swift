import ArgumentParser
import CurateIO
import Foundation
import Models

/// `curate train roost`: a deep ensemble of Roost models on a composition–property CSV or a
/// release (its train split for training, its validation split for checkpoint selection).
struct TrainRoostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roost",
        abstract: "Train a Roost deep ensemble; writes OUT/ensemble.json and OUT/member-k/{weights.safetensors,config.json,log.csv}.")

    @OptionGroup var dataset: LabelledDataOptions

    @Option(name: .long, help: "Passes over the training data.")
    var epochs: Int

    @Option(name: .long, help: "Ensemble members W.")
    var ensemble = 1

    @Option(name: .long, help: ArgumentHelp(
        "Members trained at once (default: one per core, at most --ensemble).",
        discussion: "Each runs OpenBLAS single-threaded; weights equal sequential training with OPENBLAS_NUM_THREADS=1."))
    var parallel: Int?

    @Option(name: .long, help: "Output directory.")
    var out: String

    @Option(name: .long, help: "Seed of the split; member k uses seed + k.")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Mini-batch size.")
    var batchSize = 128

    @Option(name: .long, help: "Share of rows held out for validation and checkpoint selection (a release uses its own validation split).")
    var valFraction = 0.1

    @Option(name: .long, help: "AdamW learning rate.")
    var learningRate: Float = 3e-4

    @Option(name: .long, help: "Element embedding: onehot or a JSON file (default: Matscholar beside the repository).")
    var embedding: String?

    @Option(name: .long, help: "Warm-start every member from a saved model directory.")
    var initFrom: String?

    @Flag(name: .long, help: "A small architecture for quick runs.")
    var tiny = false

    @Flag(name: .long, help: "Print a JSON summary.")
    var json = false

    func run() throws {
        let options = TrainingOptions(epochs: epochs, batchSize: batchSize, learningRate: learningRate,
                                      validationFraction: valFraction, seed: seed)
        if let problem = options.problem { throw ValidationError(problem) }
        guard ensemble >= 1 else { throw ValidationError("--ensemble must be at least 1") }
        let parallel = self.parallel ?? max(1, min(ensemble, ProcessInfo.processInfo.activeProcessorCount))
        guard parallel >= 1 else { throw ValidationError("--parallel must be at least 1") }

        let warm = try initFrom.map { path in try modelStep { () throws(ModelsError) in try RoostEnsemble.load(from: path) } }
        let elementEmbedding = try warm?.embedding ?? resolveEmbedding(embedding)
        let columns = try dataset.columns()
        let release = try dataset.release()
        let trainPath = try dataset.file(split: "train")
        var samples = try modelStep { () throws(ModelsError) in
            try RoostDataset.load(path: trainPath, columns: columns, embedding: elementEmbedding)
        }
        // A release brings its own validation split; a plain CSV is split with --seed.
        var releaseSplit: (train: [Int], validation: [Int])?
        if release != nil {
            let validationPath = try dataset.file(split: "validation")
            let validation = try modelStep { () throws(ModelsError) in
                try RoostDataset.load(path: validationPath, columns: columns, embedding: elementEmbedding)
            }
            releaseSplit = (Array(0..<samples.count), Array(samples.count..<(samples.count + validation.count)))
            samples += validation
        }
        let config = warm?.members.first?.model.config
            ?? (tiny ? .tiny(embeddingDimension: elementEmbedding.dimension) : RoostConfig(embeddingDimension: elementEmbedding.dimension))
        let dataFile = release.map { "\(dataset.data) (release \($0.name) \($0.version))" } ?? dataset.data
        let digest = try? FileDigest.compute(path: release == nil ? dataset.data : (dataset.data as NSString).appendingPathComponent("manifest.json")).sha256
        let metadata = TrainingMetadata(
            seed: seed, splitSeed: seed, epochs: epochs, bestEpoch: 0, batchSize: batchSize,
            learningRate: learningRate, weightDecay: options.weightDecay, validationFraction: valFraction,
            trainSamples: 0, validationSamples: 0, dataFile: dataFile, dataSHA256: digest, target: columns.target ?? "",
            initFrom: initFrom, toolVersion: CurateVersion.current)
        printError("training \(ensemble) Roost member\(ensemble == 1 ? "" : "s") on \(samples.count) rows of \(dataset.data) "
                   + "(\(elementEmbedding.name) embedding, \(tiny ? "tiny" : "paper-size") model)")
        var throughput: [Double] = []
        let trainRows = releaseSplit?.train.count
            ?? samples.count - DataSplit.split(count: samples.count, validationFraction: valFraction, seed: seed).validation.count
        let bar = TerminalProgress(total: trainRows * epochs * ensemble, label: "training")
        let started = Date()
        let trained = try modelStep { () throws(ModelsError) in
            try RoostEnsembleTrainer.train(
                samples: samples, embedding: elementEmbedding, config: config, options: options, members: ensemble,
                initFrom: warm.flatMap { w in initFrom.map { (w, $0) } }, metadata: metadata, split: releaseSplit,
                parallelism: parallel, progress: { member, record in
                    throughput.append(Double(trainRows) / max(record.trainingSeconds, 1e-9))
                    var line = "member \(member + 1)/\(ensemble) epoch \(record.epoch)/\(epochs): "
                        + "train loss \(format(record.trainLoss)) MAE \(format(record.trainMAE))"
                    if let loss = record.validationLoss, let mae = record.validationMAE {
                        line += ", val loss \(format(loss)) MAE \(format(mae))"
                    }
                    bar.print(line + String(format: " (%.1fs)", record.seconds))
                }, onBatch: { _, rows in bar.advance(by: rows) })
        }
        bar.finish()
        let trainingSeconds = Date().timeIntervalSince(started)
        try modelStep { () throws(ModelsError) in try trained.save(to: out, toolVersion: CurateVersion.current) }
        let trainRowCount = trained.members.first?.metadata.trainSamples ?? 0
        let summary = TrainSummary(
            out: out, rows: samples.count, members: trained.members.count, embedding: elementEmbedding.name,
            bestValidationMAE: trained.members.map(\.metadata.bestValidationMAE),
            bestEpoch: trained.members.map(\.metadata.bestEpoch),
            seconds: Date().timeIntervalSince(started),
            samplesPerSecond: throughput.isEmpty ? 0 : throughput.reduce(0, +) / Double(throughput.count),
            ensembleSamplesPerSecond: Double(trainRowCount * epochs * trained.members.count) / max(trainingSeconds, 1e-9),
            parallel: parallel)
        if json {
            try printJSON(summary)
        } else {
            print("saved \(summary.members) member\(summary.members == 1 ? "" : "s") to \(out) "
                  + "(best val MAE \(summary.bestValidationMAE.map { $0.map(format) ?? "-" }.joined(separator: ", ")); "
                  + String(format: "%.0f samples/s per member, %.0f for the ensemble with %d at a time)",
                           summary.samplesPerSecond, summary.ensembleSamplesPerSecond ?? 0, parallel))
        }
    }
}

/// The `--json` summary of a training run.
struct TrainSummary: Encodable {
    let out: String
    let rows: Int
    let members: Int
    let embedding: String
    let bestValidationMAE: [Double?]
    let bestEpoch: [Int]
    let seconds: Double
    /// Mean over members and epochs of one member's training throughput.
    let samplesPerSecond: Double
    /// Training samples of the whole ensemble per wall-clock second (members running at once add up).
    var ensembleSamplesPerSecond: Double? = nil
    /// Members trained at once.
    var parallel: Int? = nil

    enum CodingKeys: String, CodingKey {
        case out, rows, members, embedding, seconds, parallel
        case bestValidationMAE = "best_val_mae", bestEpoch = "best_epoch", samplesPerSecond = "samples_per_second"
        case ensembleSamplesPerSecond = "ensemble_samples_per_second"
    }
}

/// Four significant digits.
func format(_ value: Double) -> String { String(format: "%.4g", value) }
