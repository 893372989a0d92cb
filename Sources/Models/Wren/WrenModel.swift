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
        let p = WeightLookup(weights)
        var x = graph.segmentMean(pooled, segments: batch.labellingCrystal, segmentCount: batch.crystalCount)
        var width = config.featureDimension
        for (k, hiddenWidth) in config.outputHidden.enumerated() {
            let activated = graph.relu(graph.linear(x, weight: p["out\(k).w"], bias: p["out\(k).b"]))
            let skip = hiddenWidth == width ? x : graph.matmul(x, p["out\(k).res.w"])
            x = activated + skip
            width = hiddenWidth
        }
        return RoostModel.Output(
            mean: graph.linear(x, weight: p["head.mean.w"], bias: p["head.mean.b"]),
            logStandardDeviation: graph.linear(x, weight: p["head.logstd.w"], bias: p["head.logstd.b"]))
    }

    /// The pooled vector of every labelling, [labellings, d], before averaging.
    public func pooledRepresentation(_ batch: WrenBatch, on graph: Graph, weights: [String: Variable]) -> Variable {
        let p = WeightLookup(weights)
        let slope = config.leakyReluSlope
        let nodes = batch.nodeCount
        let fractions = graph.constant(batch.nodeWeights)
        let elements = graph.linear(graph.constant(batch.elementFeatures), weight: p["embed.element.w"], bias: p["embed.element.b"])
        let wyckoff = graph.linear(graph.constant(batch.wyckoffFeatures), weight: p["embed.wyckoff.w"], bias: p["embed.wyckoff.b"])
        var h = graph.concatenate([elements, wyckoff])
        let pairWeights = graph.constant(Tensor(
            shape: [batch.pairNeighbour.count, 1], scalars: batch.pairNeighbour.map { batch.nodeWeights.scalars[$0] }))

        func pairNetwork(_ prefix: String, _ h: Variable) -> Variable {
            let fromSelf = graph.gather(graph.matmul(h, p[prefix + ".w1self"]), indices: batch.pairSelf)
            let fromNeighbour = graph.gather(graph.matmul(h, p[prefix + ".w1nbr"]), indices: batch.pairNeighbour)
            let hidden = graph.leakyRelu(fromSelf + fromNeighbour + p[prefix + ".b1"], slope: slope)
            return graph.linear(hidden, weight: p[prefix + ".2.w"], bias: p[prefix + ".2.b"])
        }
        for t in 0..<config.messageLayers {
            var update: Variable?
            for m in 0..<config.messageHeads {
                let prefix = "mp\(t).h\(m)"
                let attention = graph.weightedSegmentSoftmax(
                    pairNetwork(prefix + ".gate", h), weights: pairWeights, segments: batch.pairSelf, segmentCount: nodes)
                let head = graph.segmentSum(attention * pairNetwork(prefix + ".msg", h),
                                            segments: batch.pairSelf, segmentCount: nodes)
                update = update.map { $0 + head } ?? head
            }
            if let update { h = h + update * (1 / Float(config.messageHeads)) }
        }

        func nodeNetwork(_ prefix: String, _ h: Variable) -> Variable {
            let hidden = graph.leakyRelu(graph.linear(h, weight: p[prefix + ".1.w"], bias: p[prefix + ".1.b"]), slope: slope)
            return graph.linear(hidden, weight: p[prefix + ".2.w"], bias: p[prefix + ".2.b"])
        }
        var pooled: Variable?
        for m in 0..<config.poolingHeads {
            let attention = graph.weightedSegmentSoftmax(
                nodeNetwork("pool.h\(m).gate", h), weights: fractions,
                segments: batch.nodeLabelling, segmentCount: batch.labellingCount)
            let head = graph.segmentSum(attention * nodeNetwork("pool.h\(m).msg", h),
                                        segments: batch.nodeLabelling, segmentCount: batch.labellingCount)
            pooled = pooled.map { $0 + head } ?? head
        }
        return (pooled ?? h) * (1 / Float(config.poolingHeads))
    }

    /// μ and log σ (normalised units) for a batch, without recording gradients.
    public func predict(_ batch: WrenBatch) -> (mean: [Float], logStandardDeviation: [Float]) {
        let graph = Graph(seed: 0, isTraining: false)
        let output = forward(batch, on: graph, weights: graph.parameters(parameters))
        return (output.mean.value.scalars, output.logStandardDeviation.value.scalars)
    }
}
