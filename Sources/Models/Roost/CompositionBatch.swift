import Chemistry
import Learning

/// A mini-batch of compositions as Roost's dense element graphs.
///
/// Nodes are the elements of each composition (in the order given, by atomic number for
/// `Composition`s); each composition with k elements contributes the k² ordered pairs (i, j),
/// i = j included, listed i-major.
public struct CompositionBatch: Sendable {
    /// Element embedding rows, shape [nodes, embedding dimension].
    public let nodeFeatures: Tensor
    /// Fractional amounts, shape [nodes, 1]; they sum to 1 within each composition.
    public let nodeWeights: Tensor
    /// The composition (0-based within the batch) each node belongs to.
    public let nodeCrystal: [Int]
    /// For every ordered pair, the receiving node i (global node index).
    public let pairSelf: [Int]
    /// For every ordered pair, the neighbour node j (global node index).
    public let pairNeighbour: [Int]
    /// The number of compositions.
    public let crystalCount: Int

    /// The number of nodes.
    public var nodeCount: Int { nodeCrystal.count }

    /// Builds a batch from compositions (amounts are normalised to fractions).
    public init(compositions: [Composition], embedding: ElementEmbedding) throws(ModelsError) {
        try self.init(elementAmounts: compositions.map { c in c.entries.map { (z: Int($0.z), amount: $0.amount) } },
                      embedding: embedding)
    }

    /// Builds a batch from per-composition (atomic number, amount) lists in any element order.
    /// Amounts are normalised to fractions within each composition.
    public init(elementAmounts: [[(z: Int, amount: Double)]], embedding: ElementEmbedding) throws(ModelsError) {
        var features: [Float] = []
        var weights: [Float] = []
        var crystal: [Int] = []
        var pairSelf: [Int] = []
        var pairNeighbour: [Int] = []
        features.reserveCapacity(elementAmounts.count * 4 * embedding.dimension)
        for (index, elements) in elementAmounts.enumerated() {
            let total = elements.reduce(0) { $0 + $1.amount }
            guard !elements.isEmpty, total > 0, total.isFinite else {
                throw .invalidOptions("composition \(index) of the batch has no positive amounts")
            }
            let start = crystal.count
            for element in elements {
                guard let vector = embedding.vector(z: element.z) else {
                    let symbol = PeriodicTable.element(z: element.z)?.symbol ?? "Z=\(element.z)"
                    throw .invalidOptions("element \(symbol) has no vector in the \(embedding.name) embedding")
                }
                features.append(contentsOf: vector)
                weights.append(Float(element.amount / total))
                crystal.append(index)
            }
            for i in start..<crystal.count {
                for j in start..<crystal.count {
                    pairSelf.append(i)
                    pairNeighbour.append(j)
                }
            }
        }
        nodeFeatures = Tensor(shape: [crystal.count, embedding.dimension], scalars: features)
        nodeWeights = Tensor(shape: [crystal.count, 1], scalars: weights)
        nodeCrystal = crystal
        self.pairSelf = pairSelf
        self.pairNeighbour = pairNeighbour
        crystalCount = elementAmounts.count
    }
}
