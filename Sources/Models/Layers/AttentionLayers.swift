import Foundation
import Learning

/// The building blocks Roost, Wren and the reaction-graph model share: weighted soft-attention
/// message passing over pairs of nodes, weighted attention pooling, and the residual output
/// network. Parameter names match `ParameterLayout.Builder`.
public struct AttentionLayers {
    /// The graph the operations are recorded on.
    public let graph: Graph
    /// Parameter leaves by name.
    let p: WeightLookup
    /// Negative slope of the LeakyReLU in the attention networks.
    public let slope: Float

    /// Layers recording on `graph` with parameter leaves `weights`.
    public init(graph: Graph, weights: [String: Variable], slope: Float) {
        self.graph = graph
        self.p = WeightLookup(weights)
        self.slope = slope
    }

    /// The pairs a node attends over: pair k sends from `neighbour[k]` to `target[k]`, weighted
    /// by the neighbour's weight.
    public struct Pairs {
        /// The receiving node of each pair.
        public let target: [Int]
        /// The sending node of each pair.
        public let neighbour: [Int]
        /// [pairs, 1]: the sending node's weight (its fraction or multiplicity).
        public let weights: Variable
        /// The number of nodes.
        public let nodeCount: Int

        /// Pairs with the neighbour weights taken from `nodeWeights` ([nodes, 1]).
        public init(target: [Int], neighbour: [Int], nodeWeights: Tensor, on graph: Graph) {
            self.target = target
            self.neighbour = neighbour
            self.nodeCount = nodeWeights.shape.first ?? 0
            self.weights = graph.constant(Tensor(shape: [neighbour.count, 1], scalars: neighbour.map { nodeWeights.scalars[$0] }))
        }
    }

    /// ln w elementwise, with w ≤ 0 read as the smallest normal float (its weight vanishes
    /// under any positive power instead of giving −∞ · p).
    static func logarithms(_ weights: Tensor) -> Tensor {
        Tensor(shape: weights.shape, scalars: weights.scalars.map { Float(Foundation.log(Double(max($0, .leastNormalMagnitude)))) })
    }

    /// The attention coefficients of one head: the weighted softmax of `gate` within segments,
    /// with the weights to the power 1 (`powerName` nil) or to the learnable power `powerName`
    /// (a softmax of gate + p·ln w).
    func attention(_ gate: Variable, weights: Variable, logWeights: Variable, powerName: String?,
                   segments: [Int], segmentCount: Int) -> Variable {
        guard let powerName else {
            return graph.weightedSegmentSoftmax(gate, weights: weights, segments: segments, segmentCount: segmentCount)
        }
        return graph.segmentSoftmax(gate + graph.matmul(logWeights, p[powerName]), segments: segments, segmentCount: segmentCount)
    }

    /// A one-hidden-layer network on h_i ⊕ h_j (⊕ the context of node i), for every pair.
    func pairNetwork(_ prefix: String, _ h: Variable, pairs: Pairs, context: Variable?) -> Variable {
        var hiddenInput = graph.gather(graph.matmul(h, p[prefix + ".w1self"]), indices: pairs.target)
            + graph.gather(graph.matmul(h, p[prefix + ".w1nbr"]), indices: pairs.neighbour)
        if let context { hiddenInput = hiddenInput + graph.gather(graph.matmul(context, p[prefix + ".w1ctx"]), indices: pairs.target) }
        let hidden = graph.leakyRelu(hiddenInput + p[prefix + ".b1"], slope: slope)
        return graph.linear(hidden, weight: p[prefix + ".2.w"], bias: p[prefix + ".2.b"])
    }

    /// `layers` rounds of `heads`-headed weighted soft attention with residual updates:
    /// h_i ← h_i + mean over heads of Σ_j a_ij · msg(h_i ⊕ h_j), a = weighted softmax of the gate.
    /// `context` ([nodes, c], optional) is appended to every gate and message input.
    /// `power` says how the pair weights enter the softmax (`AttentionPower`).
    public func messagePassing(_ h: Variable, pairs: Pairs, layers: Int, heads: Int, context: Variable? = nil,
                               power: AttentionPower = .fixed) -> Variable {
        var h = h
        // ln w only for the learned power, once for every layer and head.
        let logWeights = power == .learned ? graph.constant(AttentionLayers.logarithms(pairs.weights.value)) : pairs.weights
        for t in 0..<layers {
            var update: Variable?
            for m in 0..<heads {
                let prefix = "mp\(t).h\(m)"
                let attention = attention(
                    pairNetwork(prefix + ".gate", h, pairs: pairs, context: context), weights: pairs.weights,
                    logWeights: logWeights, powerName: power == .learned ? prefix + ".gate.pow" : nil,
                    segments: pairs.target, segmentCount: pairs.nodeCount)
                let head = graph.segmentSum(attention * pairNetwork(prefix + ".msg", h, pairs: pairs, context: context),
                                            segments: pairs.target, segmentCount: pairs.nodeCount)
                update = update.map { $0 + head } ?? head
            }
            if let update { h = h + update * (1 / Float(heads)) }
        }
        return h
    }

    /// One hidden layer on node features.
    func nodeNetwork(_ prefix: String, _ h: Variable) -> Variable {
        let hidden = graph.leakyRelu(graph.linear(h, weight: p[prefix + ".1.w"], bias: p[prefix + ".1.b"]), slope: slope)
        return graph.linear(hidden, weight: p[prefix + ".2.w"], bias: p[prefix + ".2.b"])
    }

    /// `heads`-headed weighted attention pooling of nodes into `segmentCount` groups (mean over
    /// heads); `weights` [nodes, 1] weight the softmax, to the power 1 or a learned power (`power`).
    public func attentionPooling(_ h: Variable, weights: Variable, segments: [Int], segmentCount: Int, heads: Int,
                                 power: AttentionPower = .fixed) -> Variable {
        var pooled: Variable?
        let logWeights = power == .learned ? graph.constant(AttentionLayers.logarithms(weights.value)) : weights
        for m in 0..<heads {
            let attention = attention(
                nodeNetwork("pool.h\(m).gate", h), weights: weights, logWeights: logWeights,
                powerName: power == .learned ? "pool.h\(m).gate.pow" : nil, segments: segments, segmentCount: segmentCount)
            let head = graph.segmentSum(attention * nodeNetwork("pool.h\(m).msg", h), segments: segments, segmentCount: segmentCount)
            pooled = pooled.map { $0 + head } ?? head
        }
        return (pooled ?? h) * (1 / Float(max(heads, 1)))
    }

    /// The residual output network (ReLU layers with skip connections, projected where widths
    /// change) and the μ and log σ heads.
    public func residualOutput(_ x: Variable, input: Int, hidden: [Int]) -> RoostModel.Output {
        var x = x
        var width = input
        for (k, next) in hidden.enumerated() {
            let activated = graph.relu(graph.linear(x, weight: p["out\(k).w"], bias: p["out\(k).b"]))
            let skip = next == width ? x : graph.matmul(x, p["out\(k).res.w"])
            x = activated + skip
            width = next
        }
        return RoostModel.Output(
            mean: graph.linear(x, weight: p["head.mean.w"], bias: p["head.mean.b"]),
            logStandardDeviation: graph.linear(x, weight: p["head.logstd.w"], bias: p["head.logstd.b"]))
    }
}
