import Learning

/// Wren (Goodall et al. 2022; thesis chapter 6, appendix A.3): Roost's weighted soft-attention
/// message passing on the occupied Wyckoff positions of a protostructure. A node is the projected
/// element embedding ⊕ the projected Wyckoff embedding (with the fractional multiplicity); the
/// weights of the attention are the fractional multiplicities. The pooled vector is averaged over
/// the equivalent Wyckoff labellings, so predictions do not depend on the setting, then a residual
/// output network gives μ and log σ (normalised target units).
public struct WrenModel: Sendable {
    /// The architecture.
    public let config: WrenConfig
    /// The weights, named as in `WrenParameterLayout`.
    public var parameters: Parameters

    /// A freshly initialised model (deterministic in `seed`).
    public init(config: WrenConfig, seed: UInt64) {
        self.config = config
        self.parameters = WrenParameterLayout(config).initialParameters(seed: seed)
    }

    /// A model with given weights; throws if they do not fit `config`.
    public init(config: WrenConfig, parameters: Parameters) throws(ModelsError) {
        if let problem = config.problem { throw .invalidOptions("Wren configuration: \(problem)") }
        if let problem = WrenParameterLayout(config).mismatch(parameters) {
            throw .invalidOptions("weights do not fit the Wren configuration: \(problem)")
        }
        self.config = config
        self.parameters = parameters
    }

    /// Records the forward pass of `batch`; outputs are [protostructures, 1].
    public func forward(_ batch: WrenBatch, on graph: Graph, weights: [String: Variable]) -> RoostModel.Output {
        let pooled = pooledRepresentation(batch, on: graph, weights: weights)
        let layers = AttentionLayers(graph: graph, weights: weights, slope: config.leakyReluSlope)
        let averaged = graph.segmentMean(pooled, segments: batch.labellingCrystal, segmentCount: batch.crystalCount)
        return layers.residualOutput(averaged, input: config.featureDimension, hidden: config.outputHidden)
    }

    /// The pooled vector of every labelling, [labellings, d], before averaging.
    public func pooledRepresentation(_ batch: WrenBatch, on graph: Graph, weights: [String: Variable]) -> Variable {
        let layers = AttentionLayers(graph: graph, weights: weights, slope: config.leakyReluSlope)
        let p = WeightLookup(weights)
        let elements = graph.linear(graph.constant(batch.elementFeatures), weight: p["embed.element.w"], bias: p["embed.element.b"])
        let wyckoff = graph.linear(graph.constant(batch.wyckoffFeatures), weight: p["embed.wyckoff.w"], bias: p["embed.wyckoff.b"])
        let pairs = AttentionLayers.Pairs(target: batch.pairSelf, neighbour: batch.pairNeighbour,
                                          nodeWeights: batch.nodeWeights, on: graph)
        let h = layers.messagePassing(graph.concatenate([elements, wyckoff]), pairs: pairs,
                                      layers: config.messageLayers, heads: config.messageHeads)
        return layers.attentionPooling(h, weights: graph.constant(batch.nodeWeights), segments: batch.nodeLabelling,
                                       segmentCount: batch.labellingCount, heads: config.poolingHeads)
    }

    /// μ and log σ (normalised units) for a batch, without recording gradients.
    public func predict(_ batch: WrenBatch) -> (mean: [Float], logStandardDeviation: [Float]) {
        let graph = Graph(seed: 0, isTraining: false)
        let output = forward(batch, on: graph, weights: graph.parameters(parameters))
        return (output.mean.value.scalars, output.logStandardDeviation.value.scalars)
    }
}
