import Foundation
import Learning

/// Settings of the shared pretraining step of a reaction ensemble.
public struct ActionPretraining: Codable, Sendable, Equatable {
    /// The autoencoder's sizes.
    public var config: ActionEncoderConfig
    /// Autoencoder epochs over the training sequences.
    public var epochs: Int
    /// Autoencoder learning rate.
    public var learningRate: Float

    /// Creates settings (thesis sizes, 10 epochs, learning rate 3e-3 by default).
    public init(config: ActionEncoderConfig = ActionEncoderConfig(), epochs: Int = 10, learningRate: Float = 3e-3) {
        self.config = config
        self.epochs = epochs
        self.learningRate = learningRate
    }
}

extension ReactionEnsemble {
    /// Trains an ensemble on labelled `samples` (the training split): fits the descriptor
    /// standardisation and the null baseline on the training rows, pretrains one action
    /// autoencoder (seed `options.seed`), holds out `options.validationFraction` for checkpoint
    /// selection and trains W members with the generic trainer (member k with seed
    /// `options.seed + 1 + k`), `workers` at a time. The result does not depend on `workers` (single-threaded OpenBLAS per worker).
    public static func train(
        samples: [ReactionSample], config: ReactionConfig, pretraining: ActionPretraining, options: TrainingOptions,
        members: Int, workers: Int = 1, metadata: TrainingMetadata,
        log: @escaping @Sendable (String) -> Void = { _ in },
        checkpoints: CheckpointPlan? = nil,
        progress: @escaping @Sendable (_ member: Int, _ record: EpochRecord) -> Void = { _, _ in }
    ) throws(ModelsError) -> ReactionEnsemble {
        guard members >= 1 else { throw .invalidOptions("--ensemble must be at least 1") }
        if let problem = options.problem { throw .invalidOptions(problem) }
        if let problem = config.problem { throw .invalidOptions("reaction model configuration: \(problem)") }
        if let problem = pretraining.config.problem { throw .invalidOptions("action encoder: \(problem)") }
        guard !samples.isEmpty else { throw .invalidOptions("no training reactions") }
        let unlabelled = samples.filter { $0.target == nil }
        if !unlabelled.isEmpty {
            throw .invalidRows(path: "training data", problems: unlabelled.prefix(10).map { .init(line: $0.line, reason: "no target_elements") })
        }
        let split = DataSplit.split(count: samples.count, validationFraction: options.validationFraction, seed: options.seed)
        let training = split.train.map { samples[$0] }
        let standardisation = FeatureStandardisation(fitting: training.flatMap { $0.precursorCompositions.map(PrecursorDescriptors.describe) })
        let baseline = NullBaseline(fitting: training)
        let trainActions = training.map(\.actions)
        let encoder = try ActionEncoder.pretrain(trainActions, config: pretraining.config, epochs: pretraining.epochs,
                                                 batchSize: options.batchSize, learningRate: pretraining.learningRate,
                                                 seed: options.seed) { epoch, loss in
            log("action autoencoder epoch \(epoch)/\(pretraining.epochs): reconstruction loss \(String(format: "%.4f", loss))")
        }
        let accuracy = encoder.reconstructionAccuracy(trainActions)
        let report = ReactionTrainingReport(
            trainReactions: training.count, truncatedSequences: trainActions.filter { $0.count > pretraining.config.maxLength }.count,
            emptySequences: trainActions.filter(\.isEmpty).count, reconstructionActionAccuracy: accuracy.actions,
            reconstructionSequenceAccuracy: accuracy.sequences, encoderEpochs: pretraining.epochs)
        log(String(format: "action autoencoder: reconstruction accuracy %.3f per action, %.3f per sequence; %d truncated, %d empty sequences",
                   accuracy.actions, accuracy.sequences, report.truncatedSequences, report.emptySequences))
        let actionEmbeddings = encoder.embed(samples.map(\.actions))
        let rows = zip(samples, actionEmbeddings).map { ReactionTrainingRow(sample: $0, actionEmbedding: $1) }
        let shared = ReactionShared(actionEncoder: encoder, standardisation: standardisation, baseline: baseline, report: report)
        return try Ensemble.train(samples: rows, shared: shared, config: config, options: options, members: members,
                                  metadata: metadata, split: split, parallelism: workers, checkpoints: checkpoints,
                                  progress: { progress($0, $1) })
    }
}
