import Learning

/// Roost (Goodall & Lee 2020; thesis appendix A.1): a composition as a dense weighted graph of
/// its elements, message passing with weighted soft attention, weighted attention pooling, and a
/// residual output network giving a mean μ and a log standard deviation log σ.
///
/// The model works in normalised target units; see `TargetNormalisation`.
public struct RoostModel: Sendable {
    /// The architecture.
    public let config: RoostConfig
    /// The weights, named as in `RoostParameterLayout`.
    public var parameters: Parameters

    /// A freshly initialised model (deterministic in `seed`).
    public init(config: RoostConfig, seed: UInt64) {
        self.config = config
        self.parameters = RoostParameterLayout(config).initialParameters(seed: seed)
    }

    /// A model with given weights; throws if they do not fit `config`.
    public init(config: RoostConfig, parameters: Parameters) throws(ModelsError) {
        if let problem = config.problem { throw .invalidOptions("Roost configuration: \(problem)") }
        if let problem = RoostParameterLayout(config).mismatch(parameters) {
            throw .invalidOptions("weights do not fit the Roost configuration: \(problem)")
        }
        self.config = config
        self.parameters = parameters
    }

    /// The outputs of one forward pass, each of shape [compositions, 1].
    public struct Output {
        /// Predicted mean μ (normalised units).
        public let mean: Variable
        /// Predicted log σ (normalised units).
        public let logStandardDeviation: Variable
    }

    /// Records the forward pass of `batch` on `graph` with parameter leaves `weights`
    /// (from `graph.parameters(parameters)` or any variables of the same names and shapes).
    public func forward(_ batch: CompositionBatch, on graph: Graph, weights: [String: Variable]) -> Output {
        let layers = AttentionLayers(graph: graph, weights: weights, slope: config.leakyReluSlope)
        let p = WeightLookup(weights)
        let fractions = graph.constant(batch.nodeWeights)
        let projected = graph.linear(graph.constant(batch.nodeFeatures), weight: p["embed.w"], bias: p["embed.b"])
        // w_j for every pair, shared by all heads.
        let pairs = AttentionLayers.Pairs(target: batch.pairSelf, neighbour: batch.pairNeighbour,
                                          nodeWeights: batch.nodeWeights, on: graph)
        let h = layers.messagePassing(graph.concatenate([projected, fractions]), pairs: pairs,
                                      layers: config.messageLayers, heads: config.messageHeads, power: config.attentionPower)
        let pooled = layers.attentionPooling(h, weights: fractions, segments: batch.nodeCrystal,
                                             segmentCount: batch.crystalCount, heads: config.poolingHeads,
                                             power: config.attentionPower)
        return layers.residualOutput(pooled, input: config.featureDimension, hidden: config.outputHidden)
    }

    /// Predicts μ and log σ (normalised units) for a batch, without recording gradients.
    public func predict(_ batch: CompositionBatch) -> (mean: [Float], logStandardDeviation: [Float]) {
        let graph = Graph(seed: 0, isTraining: false)
        let output = forward(batch, on: graph, weights: graph.parameters(parameters))
        return (output.mean.value.scalars, output.logStandardDeviation.value.scalars)
    }
}

/// Parameter leaves by name. Names come from a model's `ParameterLayout`, and weights are
/// checked against it when a model is built, so a missing name is a programming error.
struct WeightLookup {
    let weights: [String: Variable]
    init(_ weights: [String: Variable]) { self.weights = weights }
    subscript(_ name: String) -> Variable {
        guard let variable = weights[name] else { preconditionFailure("no parameter \(name)") }
        return variable
    }
}
