/// Hyper-parameters of one training run (the paper's defaults except the epoch count).
public struct TrainingOptions: Codable, Sendable, Equatable {
    /// Passes over the training set.
    public var epochs: Int
    /// Compositions per mini-batch.
    public var batchSize: Int
    /// AdamW step size.
    public var learningRate: Float
    /// AdamW decoupled weight decay.
    public var weightDecay: Float
    /// Share of the rows held out for validation (0 keeps none; the last epoch is kept then).
    public var validationFraction: Double
    /// Seeds the validation split; member k is initialised and shuffled with `seed + k`.
    public var seed: UInt64
    /// Step size by epoch (default constant).
    public var schedule: LearningRateSchedule = .constant
    /// Early stopping: end a member's training once its validation score has not improved for
    /// this many epochs (nil trains every epoch). Needs a validation set.
    public var patience: Int?

    /// Creates options; defaults are batch 128, lr 3e-4, weight decay 1e-6, 10 % validation.
    public init(epochs: Int, batchSize: Int = 128, learningRate: Float = 3e-4, weightDecay: Float = 1e-6,
                validationFraction: Double = 0.1, seed: UInt64 = 0) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.validationFraction = validationFraction
        self.seed = seed
    }

    /// A description of the first option that cannot work, or `nil`.
    public var problem: String? {
        if epochs < 1 { return "--epochs must be at least 1" }
        if batchSize < 1 { return "--batch-size must be at least 1" }
        if !(validationFraction >= 0 && validationFraction < 1) { return "--val-fraction must be in [0, 1)" }
        if !(learningRate > 0) { return "learning rate must be positive" }
        if let patience, patience < 1 { return "--patience must be at least 1" }
        return nil
    }
}
