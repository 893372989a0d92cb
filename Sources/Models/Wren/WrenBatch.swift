import Chemistry
import Crystal
import Learning

/// A mini-batch of protostructures as Wren's graphs: every protostructure is expanded into its
/// equivalent Wyckoff labellings (`Protostructure.equivalentLabellings`), each labelling is a
/// dense graph of its occupied orbits, and the model averages the pooled vectors of a
/// protostructure's labellings.
public struct WrenBatch: Sendable {
    /// Element embedding rows, shape [nodes, element dimension].
    public let elementFeatures: Tensor
    /// Wyckoff embedding rows with the fractional multiplicity appended, [nodes, Wyckoff dimension + 1].
    public let wyckoffFeatures: Tensor
    /// Fractional multiplicities, [nodes, 1]; they sum to 1 within each labelling.
    public let nodeWeights: Tensor
    /// The labelling (0-based within the batch) each node belongs to.
    public let nodeLabelling: [Int]
    /// For every ordered pair of nodes of one labelling (i = j included), the receiving node.
    public let pairSelf: [Int]
    /// For every ordered pair, the neighbour node.
    public let pairNeighbour: [Int]
    /// The protostructure each labelling belongs to.
    public let labellingCrystal: [Int]
    /// The number of protostructures.
    public let crystalCount: Int

    /// The number of nodes.
    public var nodeCount: Int { nodeLabelling.count }
    /// The number of labellings.
    public var labellingCount: Int { labellingCrystal.count }

    /// Builds a batch; throws when an element or position has no vector.
    public init(protostructures: [Protostructure], elements: ElementEmbedding,
                wyckoff: WyckoffEmbedding = .standard) throws(ModelsError) {
        var elementRows: [Float] = [], wyckoffRows: [Float] = [], weights: [Float] = []
        var nodeLabelling: [Int] = [], pairSelf: [Int] = [], pairNeighbour: [Int] = [], labellingCrystal: [Int] = []
        for (crystal, protostructure) in protostructures.enumerated() {
            for labelling in protostructure.equivalentLabellings {
                let index = labellingCrystal.count
                labellingCrystal.append(crystal)
                let start = nodeLabelling.count
                for (site, weight) in zip(labelling.sites, labelling.weights) {
                    guard let e = elements.vector(z: site.z) else {
                        let symbol = PeriodicTable.element(z: site.z)?.symbol ?? "Z=\(site.z)"
                        throw .invalidOptions("element \(symbol) has no vector in the \(elements.name) embedding")
                    }
                    guard let w = wyckoff.vector(spaceGroup: labelling.spaceGroup, letter: site.letter) else {
                        throw .invalidOptions("no Wyckoff embedding for \(labelling.spaceGroup)\(site.letter)")
                    }
                    elementRows += e
                    wyckoffRows += w
                    wyckoffRows.append(Float(weight))
                    weights.append(Float(weight))
                    nodeLabelling.append(index)
                }
                for i in start..<nodeLabelling.count {
                    for j in start..<nodeLabelling.count {
                        pairSelf.append(i)
                        pairNeighbour.append(j)
                    }
                }
            }
        }
        let nodes = nodeLabelling.count
        elementFeatures = Tensor(shape: [nodes, elements.dimension], scalars: elementRows)
        wyckoffFeatures = Tensor(shape: [nodes, wyckoff.dimension + 1], scalars: wyckoffRows)
        nodeWeights = Tensor(shape: [nodes, 1], scalars: weights)
        self.nodeLabelling = nodeLabelling
        self.pairSelf = pairSelf
        self.pairNeighbour = pairNeighbour
        self.labellingCrystal = labellingCrystal
        crystalCount = protostructures.count
    }
}
