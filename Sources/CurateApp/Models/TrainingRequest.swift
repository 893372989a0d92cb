import Models
/// The options of `curate train MODEL` (each model reads the ones it knows).
public struct TrainingRequest: Sendable {
    /// A CSV, a release directory or (reaction) a records.jsonl file.
    public var data: String
    /// The output model directory.
    public var out: String
    /// Passes over the training data.
    public var epochs: Int
    /// Ensemble members W.
    public var ensemble: Int
    /// The target column (default for a release: its target property).
    public var target: String?
    /// The identifier column.
    public var idColumn = "id"
    /// The input column (composition or protostructure label; nil: the model's default).
    public var inputColumn: String?
    /// Members trained at once (nil: one per core, at most W).
    public var parallel: Int?
    /// Seed of the split; member k uses seed + k (reaction: seed + 1 + k).
    public var seed: UInt64 = 0
    /// Mini-batch size.
    public var batchSize = 128
    /// Share of rows held out for validation (a release uses its own validation split).
    public var validationFraction = 0.1
    /// AdamW learning rate (nil: the model's default).
    public var learningRate: Float?
    /// Step size by epoch.
    public var schedule = LearningRateSchedule.constant
    /// Early stopping after this many epochs without a better validation score (nil: never).
    public var patience: Int?
    /// Element embedding: `onehot`, a JSON file, or nil for the default (see `ElementEmbeddingChoice`).
    public var embedding: String?
    /// Warm-start every member from this model directory.
    public var initFrom: String?
    /// Architecture size name (`paper`, `small`, `tiny`; nil: the model's full size).
    public var size: String?
    /// Roost's attention power: `learned` (aviary's, the default) or `fixed` (the thesis' w^1).
    public var attentionPower: String?
    /// Replace an existing `out`.
    public var overwrite = false
    /// Continue the killed run whose staging directory this is.
    public var resume: String?
    /// Checkpoint every N epochs.
    public var checkpointEvery: Int?
    /// Stop after the checkpoint of this epoch, as if killed (tests, demos).
    public var stopAfterEpoch: Int?
    /// Reaction model: action autoencoder pretraining epochs.
    public var encoderEpochs = 10
    /// Reaction model: use only the first N training reactions.
    public var limit: Int?

    /// Creates a request with the required options; set the others as needed.
    public init(data: String, out: String, epochs: Int, ensemble: Int) {
        self.data = data
        self.out = out
        self.epochs = epochs
        self.ensemble = ensemble
    }
}

/// Callbacks of a training run (all may be called from training threads, one call at a time).
public struct TrainingObserver: Sendable {
    /// A progress line (start, each epoch, pretraining).
    public var log: @Sendable (String) -> Void
    /// Called once before training with the number of training rows all epochs and members will step through.
    public var started: @Sendable (_ totalRows: Int) -> Void
    /// Called after every optimiser step with its rows.
    public var batch: @Sendable (_ rows: Int) -> Void

    /// Creates an observer; every callback defaults to doing nothing.
    public init(log: @escaping @Sendable (String) -> Void = { _ in }, started: @escaping @Sendable (Int) -> Void = { _ in },
                batch: @escaping @Sendable (Int) -> Void = { _ in }) {
        self.log = log
        self.started = started
        self.batch = batch
    }
}

/// What `curate train MODEL --json` prints.
public struct TrainingSummary: Codable, Sendable, Equatable {
    /// The model directory written.
    public var out: String
    /// `roost`, `wren` or `reaction`.
    public var model: String
    /// Rows read (training and validation).
    public var rows: Int
    /// Members trained.
    public var members: Int
    /// The element embedding's name (regressors).
    public var embedding: String?
    /// Each member's best validation score: MAE for regressors, L1 for the reaction model.
    public var bestValidationScore: [Double?]
    /// Each member's kept epoch.
    public var bestEpoch: [Int]
    /// Wall-clock seconds.
    public var seconds: Double
    /// Mean over members and epochs of one member's training throughput.
    public var samplesPerSecond: Double
    /// Training rows of the whole ensemble per wall-clock second.
    public var ensembleSamplesPerSecond: Double
    /// Members trained at once.
    public var parallel: Int
    /// The run id recorded in every file of the model.
    public var runID: String

    enum CodingKeys: String, CodingKey {
        case out, model, rows, members, embedding, seconds, parallel
        case bestValidationScore = "best_val_score", bestEpoch = "best_epoch", samplesPerSecond = "samples_per_second"
        case ensembleSamplesPerSecond = "ensemble_samples_per_second", runID = "run_id"
    }
}
