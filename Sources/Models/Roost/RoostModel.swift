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
        let p = WeightLookup(weights)
        let slope = config.leakyReluSlope
        let nodes = batch.nodeCount
        let fractions = graph.constant(batch.nodeWeights)
        let projected = graph.linear(graph.constant(batch.nodeFeatures), weight: p["embed.w"], bias: p["embed.b"])
        var h = graph.concatenate([projected, fractions])

        // w_j for every pair, shared by all heads.
        let pairWeights = graph.constant(Tensor(
            shape: [batch.pairNeighbour.count, 1],
            scalars: batch.pairNeighbour.map { batch.nodeWeights.scalars[$0] }))

        /// A one-hidden-layer network on h_i ⊕ h_j, evaluated for every pair.
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
                    pairNetwork(prefix + ".gate", h), weights: pairWeights,
                    segments: batch.pairSelf, segmentCount: nodes)
                let head = graph.segmentSum(attention * pairNetwork(prefix + ".msg", h),
                                            segments: batch.pairSelf, segmentCount: nodes)
                update = update.map { $0 + head } ?? head
            }
            if let update { h = h + update * (1 / Float(config.messageHeads)) }
        }

        /// One hidden layer on node features.
        func nodeNetwork(_ prefix: String, _ h: Variable) -> Variable {
            let hidden = graph.leakyRelu(graph.linear(h, weight: p[prefix + ".1.w"], bias: p[prefix + ".1.b"]), slope: slope)
            return graph.linear(hidden, weight: p[prefix + ".2.w"], bias: p[prefix + ".2.b"])
        }

        var pooled: Variable?
        for m in 0..<config.poolingHeads {
            let attention = graph.weightedSegmentSoftmax(
                nodeNetwork("pool.h\(m).gate", h), weights: fractions,
                segments: batch.nodeCrystal, segmentCount: batch.crystalCount)
            let head = graph.segmentSum(attention * nodeNetwork("pool.h\(m).msg", h),
                                        segments: batch.nodeCrystal, segmentCount: batch.crystalCount)
            pooled = pooled.map { $0 + head } ?? head
        }
        // poolingHeads ≥ 1 is checked by the configuration.
        var x = (pooled ?? h) * (1 / Float(config.poolingHeads))

        var width = config.featureDimension
        for (k, hiddenWidth) in config.outputHidden.enumerated() {
            let activated = graph.relu(graph.linear(x, weight: p["out\(k).w"], bias: p["out\(k).b"]))
            let skip = hiddenWidth == width ? x : graph.matmul(x, p["out\(k).res.w"])
            x = activated + skip
            width = hiddenWidth
        }
        return Output(
            mean: graph.linear(x, weight: p["head.mean.w"], bias: p["head.mean.b"]),
            logStandardDeviation: graph.linear(x, weight: p["head.logstd.w"], bias: p["head.logstd.b"]))
    }

    /// Predicts μ and log σ (normalised units) for a batch, without recording gradients.
    public func predict(_ batch: CompositionBatch) -> (mean: [Float], logStandardDeviation: [Float]) {
        let graph = Graph(seed: 0, isTraining: false)
        let output = forward(batch, on: graph, weights: graph.parameters(parameters))
        return (output.mean.value.scalars, output.logStandardDeviation.value.scalars)
    }
}

/// Parameter leaves by name. Names come from `RoostParameterLayout`, and weights are checked
/// against it when a model is built, so a missing name is a programming error.
struct WeightLookup {
    let weights: [String: Variable]
    init(_ weights: [String: Variable]) { self.weights = weights }
    subscript(_ name: String) -> Variable {
        guard let variable = weights[name] else { preconditionFailure("Roost: no parameter \(name)") }
        return variable
    }
}
