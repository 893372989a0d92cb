import Learning

/// Roost as a `RegressionModel`: compositions (element fractions) batched as dense graphs.
extension RoostModel: RegressionModel {
    public typealias Sample = RoostSample
    public typealias Batch = CompositionBatch
    public typealias Input = [(z: Int, amount: Double)]

    public static var name: String { "roost" }
    public static var displayName: String { "Roost" }
    public static var predictionBatchSize: Int { 512 }

    public static func initialParameters(_ config: RoostConfig, seed: UInt64) -> Parameters {
        RoostParameterLayout(config).initialParameters(seed: seed)
    }

    public static func problem(_ config: RoostConfig, shared: ElementEmbedding) -> String? {
        if let problem = config.problem { return "Roost configuration: \(problem)" }
        if config.embeddingDimension != shared.dimension {
            return "member expects \(config.embeddingDimension)-d element vectors, the \(shared.name) embedding has \(shared.dimension)"
        }
        return nil
    }

    public static func input(_ sample: RoostSample) -> [(z: Int, amount: Double)] { sample.elementFractions }

    public func batch(inputs: [[(z: Int, amount: Double)]], embedding: ElementEmbedding) throws(ModelsError) -> CompositionBatch {
        try CompositionBatch(elementAmounts: inputs, embedding: embedding)
    }
}

extension RoostSample: LabelledSample {}

/// A Roost deep ensemble.
public typealias RoostEnsemble = Ensemble<RoostModel>
/// One Roost ensemble member.
public typealias RoostMember = Member<RoostModel>

extension Ensemble where Model == RoostModel {
    /// Creates a Roost ensemble sharing `embedding`.
    public init(members: [RoostMember], embedding: ElementEmbedding) throws(ModelsError) {
        try self.init(members: members, shared: embedding)
    }

    /// Ensemble predictions for compositions given as (atomic number, amount) lists, in order.
    public func predict(elementAmounts: [[(z: Int, amount: Double)]]) throws(ModelsError) -> [EnsemblePrediction] {
        try predict(inputs: elementAmounts)
    }
}

extension Member where Model == RoostModel {
    /// Creates a Roost member with its target normalisation.
    public init(model: RoostModel, normalisation: TargetNormalisation, embedding: String, metadata: TrainingMetadata,
                history: [EpochRecord] = []) {
        self.init(model: model, state: RegressionMemberState(normalisation: normalisation, embedding: embedding),
                  metadata: metadata, history: history)
    }
}

extension RoostModel {
    /// μ and log σ (normalised units) for compositions given as (atomic number, amount) lists,
    /// in batches of `predictionBatchSize`, in input order.
    public func predict(elementAmounts: [[(z: Int, amount: Double)]], embedding: ElementEmbedding) throws(ModelsError)
        -> (mean: [Float], logStandardDeviation: [Float]) {
        try rawPredictions(elementAmounts, embedding: embedding)
    }
}
