import Crystal
import Learning

/// One trained (or loaded) Wren ensemble member.
public struct WrenMember: Sendable {
    /// The network and its weights (the best-validation checkpoint after training).
    public var model: WrenModel
    /// How targets were standardised.
    public var normalisation: TargetNormalisation
    /// Seeds, sizes and data provenance.
    public var metadata: TrainingMetadata
    /// Per-epoch losses; empty for a member loaded from disk.
    public var history: [EpochRecord]

    /// Creates a member.
    public init(model: WrenModel, normalisation: TargetNormalisation, metadata: TrainingMetadata, history: [EpochRecord] = []) {
        self.model = model
        self.normalisation = normalisation
        self.metadata = metadata
        self.history = history
    }

    /// Predicted mean and σ in target units, in input order, in batches of `batchSize`.
    public func predict(_ protostructures: [Protostructure], elements: ElementEmbedding, batchSize: Int = 256)
        throws(ModelsError) -> [(mean: Double, standardDeviation: Double)] {
        let raw = try WrenTrainer.rawPredictions(model: model, protostructures: protostructures, elements: elements,
                                                 batchSize: batchSize)
        return zip(raw.mean, raw.logStandardDeviation).map { mu, logSigma in
            (normalisation.denormalise(Double(mu)), normalisation.denormaliseStandardDeviation(Double(logSigma).clampedExp))
        }
    }
}
