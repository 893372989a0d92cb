import Learning

/// The reaction-graph model (thesis chapter 5, appendix A.2).
///
/// Precursors are the nodes of a dense graph; Roost-style weighted soft-attention message passing,
/// with the action embedding appended to every gate and message input, and attention pooling
/// give the **reaction embedding**. Stage 1 classifies which elements the target holds (one logit
/// per element; only precursor elements and O may be predicted). Stage 2 scores each element of
/// a given set from (element embedding ⊕ reaction embedding); a softmax over the set gives the
/// fractional stoichiometry.
public struct ReactionModel: Sendable {
    /// The architecture.
    public let config: ReactionConfig
    /// The weights.
    public var parameters: Parameters

    /// A freshly initialised model (deterministic in `seed`).
    public init(config: ReactionConfig, seed: UInt64) {
        self.config = config
        self.parameters = config.layout.initialParameters(seed: seed)
    }

    /// A model with given weights; throws if they do not fit `config`.
    public init(config: ReactionConfig, parameters: Parameters) throws(ModelsError) {
        if let problem = config.problem { throw .invalidOptions("reaction model configuration: \(problem)") }
        if let problem = config.layout.mismatch(parameters) {
            throw .invalidOptions("weights do not fit the reaction model configuration: \(problem)")
        }
        self.config = config
        self.parameters = parameters
    }

    /// The reaction embedding [reactions, node dimension] and element logits [reactions, elements].
    public struct Output {
        /// The pooled reaction embedding.
        public let embedding: Variable
        /// Stage-1 logits, column z − 1 for atomic number z.
        public let logits: Variable
    }

    /// Records the graph network and the stage-1 classifier.
    public func forward(_ batch: ReactionBatch, on graph: Graph, weights: [String: Variable]) -> Output {
        let layers = AttentionLayers(graph: graph, weights: weights, slope: config.leakyReluSlope)
        let p = WeightLookup(weights)
        let precursorWeights = graph.constant(batch.nodeWeights)
        let projected = graph.linear(graph.constant(batch.nodeFeatures), weight: p["embed.w"], bias: p["embed.b"])
        let pairs = AttentionLayers.Pairs(target: batch.pairSelf, neighbour: batch.pairNeighbour,
                                          nodeWeights: batch.nodeWeights, on: graph)
        let context = config.actionDimension > 0 ? graph.constant(batch.nodeContext) : nil
        let h = layers.messagePassing(graph.concatenate([projected, precursorWeights]), pairs: pairs,
                                      layers: config.messageLayers, heads: config.messageHeads, context: context)
        let embedding = layers.attentionPooling(h, weights: precursorWeights, segments: batch.nodeReaction,
                                                segmentCount: batch.reactionCount, heads: config.poolingHeads)
        var x = embedding
        for k in config.classifierHidden.indices {
            x = graph.relu(graph.linear(x, weight: p["cls\(k).w"], bias: p["cls\(k).b"]))
        }
        return Output(embedding: embedding, logits: graph.linear(x, weight: p["cls.out.w"], bias: p["cls.out.b"]))
    }

    /// Stage 2: fractions [rows, 1] for `rows` (reaction index within the batch, atomic number),
    /// a softmax over the rows of each reaction. Every reaction of the batch needs at least one row.
    public func stoichiometry(embedding: Variable, rows: [(reaction: Int, z: Int)], on graph: Graph,
                              weights: [String: Variable]) -> Variable {
        let p = WeightLookup(weights)
        var x = graph.concatenate([graph.gather(p["element.w"], indices: rows.map { $0.z - 1 }),
                                   graph.gather(embedding, indices: rows.map(\.reaction))])
        for k in config.stoichiometryHidden.indices {
            x = graph.leakyRelu(graph.linear(x, weight: p["sto\(k).w"], bias: p["sto\(k).b"]), slope: config.leakyReluSlope)
        }
        let scores = graph.linear(x, weight: p["sto.out.w"], bias: p["sto.out.b"])
        let reactions = embedding.shape[0]
        return graph.segmentSoftmax(scores, segments: rows.map(\.reaction), segmentCount: reactions)
    }

    /// The training loss of a labelled batch: stage-1 binary cross-entropy over the allowed
    /// elements plus stage-2 L1 on the target fractions (teacher forcing: the true element set),
    /// summed over each reaction's elements and averaged over reactions.
    public func loss(_ batch: ReactionBatch, on graph: Graph, weights: [String: Variable]) -> (total: Variable, bce: Variable, l1: Variable) {
        let output = forward(batch, on: graph, weights: weights)
        let classes = config.elementCount
        var indices: [Int] = [], labels: [Float] = []
        var rows: [(reaction: Int, z: Int)] = [], fractions: [Float] = []
        for r in 0..<batch.reactionCount {
            let target = batch.targets[r] ?? []
            let present = Set(target.map(\.z))
            for z in batch.allowedElements[r] where z <= classes {
                indices.append(r * classes + z - 1)
                labels.append(present.contains(z) ? 1 : 0)
            }
            for element in target where element.z <= classes {
                rows.append((r, element.z))
                fractions.append(Float(element.fraction))
            }
        }
        let flat = graph.reshape(output.logits, [batch.reactionCount * classes, 1])
        let bce = graph.binaryCrossEntropyWithLogits(graph.gather(flat, indices: indices),
                                                     target: Tensor(shape: [indices.count, 1], scalars: labels))
        let predicted = stoichiometry(embedding: output.embedding, rows: rows, on: graph, weights: weights)
        let l1 = graph.l1Loss(predicted, target: Tensor(shape: [rows.count, 1], scalars: fractions))
            * (Float(rows.count) / Float(max(batch.reactionCount, 1)))
        return (bce + l1, bce, l1)
    }
}
