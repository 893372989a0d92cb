import Foundation
import Learning

/// How a member was trained, stored in its `config.json`.
public struct TrainingMetadata: Codable, Sendable, Equatable {
    /// Seed of this member's initialisation and shuffling.
    public var seed: UInt64
    /// Seed of the training/validation split (shared by all members).
    public var splitSeed: UInt64
    /// Epochs run.
    public var epochs: Int
    /// The epoch whose weights were kept (best validation MAE, else the last).
    public var bestEpoch: Int
    /// Mini-batch size.
    public var batchSize: Int
    /// AdamW learning rate.
    public var learningRate: Float
    /// AdamW weight decay.
    public var weightDecay: Float
    /// Share of rows held out.
    public var validationFraction: Double
    /// Rows trained on.
    public var trainSamples: Int
    /// Rows held out.
    public var validationSamples: Int
    /// Best validation MAE (target units), if any.
    public var bestValidationMAE: Double?
    /// The data file, as given.
    public var dataFile: String?
    /// SHA-256 of the data file.
    public var dataSHA256: String?
    /// The target column.
    public var target: String?
    /// The model directory whose weights started training, if any.
    public var initFrom: String?
    /// The `curate` version that trained the member.
    public var toolVersion: String
    /// Epochs actually run when early stopping ended training before `epochs` (absent otherwise).
    public var epochsTrained: Int?
    /// The learning-rate schedule, when not constant.
    public var schedule: LearningRateSchedule?
    /// Early-stopping patience, when used.
    public var patience: Int?

    /// Creates metadata; the trainer fills in the seed, epochs, best epoch and row counts.
    public init(
        seed: UInt64 = 0, splitSeed: UInt64 = 0, epochs: Int = 0, bestEpoch: Int = 0, batchSize: Int = 0,
        learningRate: Float = 0, weightDecay: Float = 0, validationFraction: Double = 0,
        trainSamples: Int = 0, validationSamples: Int = 0, bestValidationMAE: Double? = nil,
        dataFile: String? = nil, dataSHA256: String? = nil, target: String? = nil, initFrom: String? = nil,
        toolVersion: String
    ) {
        self.seed = seed
        self.splitSeed = splitSeed
        self.epochs = epochs
        self.bestEpoch = bestEpoch
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.validationFraction = validationFraction
        self.trainSamples = trainSamples
        self.validationSamples = validationSamples
        self.bestValidationMAE = bestValidationMAE
        self.dataFile = dataFile
        self.dataSHA256 = dataSHA256
        self.target = target
        self.initFrom = initFrom
        self.toolVersion = toolVersion
    }
}

extension Double {
    /// e^x with x clamped to ±80, so a wild log σ gives a large finite σ rather than ∞.
    var clampedExp: Double { Foundation.exp(Swift.min(Swift.max(self, -80), 80)) }
}
