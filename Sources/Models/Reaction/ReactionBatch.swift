import Learning

/// A mini-batch of reactions as dense precursor graphs with their action context and labels.
///
/// Nodes are the precursors of each reaction, weighted equally (1/k for k precursors: releases
/// do not carry precursor amounts); each reaction with k precursors contributes the k² ordered
/// pairs (i, j), i = j included. Every node carries its reaction's action embedding as context.
public struct ReactionBatch: Sendable {
    /// Standardised precursor descriptors, [nodes, descriptor dimension].
    public let nodeFeatures: Tensor
    /// Precursor weights, [nodes, 1]; they sum to 1 within each reaction.
    public let nodeWeights: Tensor
    /// The reaction (0-based within the batch) each node belongs to.
    public let nodeReaction: [Int]
    /// The action embedding of each node's reaction, [nodes, action dimension].
    public let nodeContext: Tensor
    /// For every ordered pair, the receiving node.
    public let pairSelf: [Int]
    /// For every ordered pair, the sending node.
    public let pairNeighbour: [Int]
    /// The number of reactions.
    public let reactionCount: Int
    /// Per reaction, the elements (atomic numbers) stage 1 may predict: precursor elements and O.
    public let allowedElements: [[Int]]
    /// Per reaction, the target's elements and fractions (ascending atomic number), if known.
    public let targets: [[(z: Int, fraction: Double)]?]

    /// Builds a batch from samples, their action embeddings and the descriptor standardisation.
    public init(samples: [ReactionSample], actionEmbeddings: [[Float]], standardisation: FeatureStandardisation,
                actionDimension: Int) {
        var features: [Float] = [], weights: [Float] = [], context: [Float] = []
        var reaction: [Int] = [], pairSelf: [Int] = [], pairNeighbour: [Int] = []
        for (index, sample) in samples.enumerated() {
            let start = reaction.count
            let k = sample.precursorCompositions.count
            for composition in sample.precursorCompositions {
                features += standardisation.apply(PrecursorDescriptors.describe(composition))
                weights.append(1 / Float(k))
                context += actionEmbeddings[index].prefix(actionDimension)
                reaction.append(index)
            }
            for i in start..<reaction.count {
                for j in start..<reaction.count {
                    pairSelf.append(i)
                    pairNeighbour.append(j)
                }
            }
        }
        nodeFeatures = Tensor(shape: [reaction.count, standardisation.means.count], scalars: features)
        nodeWeights = Tensor(shape: [reaction.count, 1], scalars: weights)
        nodeContext = Tensor(shape: [reaction.count, actionDimension], scalars: context)
        nodeReaction = reaction
        self.pairSelf = pairSelf
        self.pairNeighbour = pairNeighbour
        reactionCount = samples.count
        allowedElements = samples.map(\.allowedElements)
        targets = samples.map(\.target)
    }
}
