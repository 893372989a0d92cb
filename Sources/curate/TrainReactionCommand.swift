import ArgumentParser
import CurateIO
import Foundation
import Models

/// `curate train reaction`: a deep ensemble of reaction-graph models on a reaction release.
struct TrainReactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reaction",
        abstract: "Train a reaction-graph deep ensemble on a reaction release; writes OUT/ensemble.json, OUT/action-encoder.safetensors and OUT/member-k/…",
        discussion: """
            Trains on the release's train split (10 % of it held out for checkpoint selection). The \
            action autoencoder is pretrained once on the training action sequences and shared by the \
            members. Per-epoch losses go to OUT/member-k/log.csv; progress to standard error.
            """)

    @Option(name: .long, help: "Reaction release directory (curate release) or a records.jsonl file.")
    var data: String

    @Option(name: .long, help: "Passes over the training reactions.")
    var epochs: Int

    @Option(name: .long, help: "Ensemble members W.")
    var ensemble = 5

    @Option(name: .long, help: "Output directory.")
    var out: String

    @Option(name: .long, help: "Seed of the validation split and the action encoder; member k uses seed + 1 + k.")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Mini-batch size (reactions).")
    var batchSize = 128

    @Option(name: .long, help: "Share of training reactions held out for checkpoint selection.")
    var valFraction = 0.1

    @Option(name: .long, help: "AdamW learning rate.")
    var learningRate: Float = 1e-3

    @Option(name: .long, help: "Action autoencoder pretraining epochs.")
    var encoderEpochs = 10

    @Option(name: .long, help: "Members trained at once (default: one per core, at most W).")
    var parallel: Int?

    @Option(name: .long, help: "Use only the first N training reactions (quick runs and timing).")
    var limit: Int?

    @Flag(name: .long, help: "A small architecture for quick runs.")
    var tiny = false

    @Flag(name: .long, help: "Print a JSON summary.")
    var json = false

    func run() throws {
        let options = TrainingOptions(epochs: epochs, batchSize: batchSize, learningRate: learningRate,
                                      validationFraction: valFraction, seed: seed)
        if let problem = options.problem { throw ValidationError(problem) }
        guard ensemble >= 1 else { throw ValidationError("--ensemble must be at least 1") }
        guard encoderEpochs >= 0 else { throw ValidationError("--encoder-epochs must not be negative") }
        let parallel = self.parallel ?? max(1, min(ensemble, ProcessInfo.processInfo.activeProcessorCount))
        guard parallel >= 1 else { throw ValidationError("--parallel must be at least 1") }
        var samples = try modelStep { () throws(ModelsError) in try ReactionDataset.load(path: data, split: "train") }
        if let limit {
            guard limit >= 2 else { throw ValidationError("--limit must be at least 2") }
            samples = Array(samples.prefix(limit))
        }
        let pretraining = ActionPretraining(epochs: encoderEpochs)
        let config = tiny ? ReactionConfig.tiny(actionDimension: pretraining.config.hidden)
                          : ReactionConfig(actionDimension: pretraining.config.hidden)
        let recordsFile = ReactionDataset.recordsFile(data)
        let metadata = TrainingMetadata(
            seed: seed, splitSeed: seed, batchSize: batchSize, learningRate: learningRate, weightDecay: options.weightDecay,
            validationFraction: valFraction, dataFile: data, dataSHA256: try? FileDigest.compute(path: recordsFile).sha256,
            target: "target_fractions", toolVersion: CurateVersion.current)
        printError("training \(ensemble) reaction member\(ensemble == 1 ? "" : "s") on \(samples.count) training reactions of \(data) "
                   + "(\(tiny ? "tiny" : "thesis-size") model, \(parallel) at a time)")
        let throughput = ThroughputLog()
        let validationCount = DataSplit.split(count: samples.count, validationFraction: valFraction, seed: seed).validation.count
        let trainRows = samples.count - validationCount
        let started = Date()
        let trained = try modelStep { () throws(ModelsError) in
            try ReactionEnsemble.train(
                samples: samples, config: config, pretraining: pretraining, options: options, members: ensemble,
                workers: parallel, metadata: metadata, log: { printError($0) },
                progress: { member, r in
                    throughput.add(Double(trainRows) / max(r.trainingSeconds, 1e-9))
                    var line = "member \(member + 1)/\(ensemble) epoch \(r.epoch)/\(epochs): train loss \(format(r.trainLoss)) "
                        + "(BCE \(format(r.trainBCE)), L1 \(format(r.trainL1)))"
                    if let loss = r.validationLoss, let subset = r.validationSubsetAccuracy, let l1 = r.validationL1 {
                        line += ", val loss \(format(loss)) subset accuracy \(format(subset)) L1 \(format(l1))"
                    }
                    printError(line + String(format: " (%.1fs, %.1f samples/s)", r.seconds, Double(trainRows) / max(r.trainingSeconds, 1e-9)))
                })
        }
        let seconds = Date().timeIntervalSince(started)
        try modelStep { () throws(ModelsError) in try trained.save(to: out, toolVersion: CurateVersion.current) }
        let summary = ReactionTrainSummary(
            out: out, reactions: samples.count, members: trained.members.count, seconds: seconds,
            samplesPerSecond: throughput.mean,
            ensembleSamplesPerSecond: Double(trainRows * epochs * trained.members.count) / max(seconds, 1e-9),
            bestEpoch: trained.members.map(\.metadata.bestEpoch), bestValidationL1: trained.members.map(\.metadata.bestValidationMAE),
            report: trained.report, parallel: parallel)
        if json {
            try printJSON(summary)
        } else {
            print("saved \(summary.members) reaction member\(summary.members == 1 ? "" : "s") to \(out) "
                  + "(best val L1 \(summary.bestValidationL1.map { $0.map(format) ?? "-" }.joined(separator: ", ")); "
                  + String(format: "%.1f samples/s per member, %.1f for the ensemble; %.0f s)",
                           summary.samplesPerSecond, summary.ensembleSamplesPerSecond, seconds))
        }
    }
}

/// The `--json` summary of `curate train reaction`.
struct ReactionTrainSummary: Encodable {
    let out: String
    let reactions: Int
    let members: Int
    let seconds: Double
    /// Mean over members and epochs of one member's training throughput (reactions per second).
    let samplesPerSecond: Double
    /// Training reactions of the whole ensemble per wall-clock second (pretraining and validation included).
    let ensembleSamplesPerSecond: Double
    let bestEpoch: [Int]
    let bestValidationL1: [Double?]
    let report: ReactionTrainingReport?
    let parallel: Int

    enum CodingKeys: String, CodingKey {
        case out, reactions, members, seconds, report, parallel
        case samplesPerSecond = "samples_per_second", ensembleSamplesPerSecond = "ensemble_samples_per_second"
        case bestEpoch = "best_epoch", bestValidationL1 = "best_val_l1"
    }
}

/// Per-epoch throughputs reported from several training threads.
final class ThroughputLog: @unchecked Sendable {
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
