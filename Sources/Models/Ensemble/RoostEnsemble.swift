import Learning

/// W independently trained Roost members and the element embedding they share.
public struct RoostEnsemble: Sendable {
    /// The members, in order.
    public var members: [RoostMember]
    /// The element embedding every member was trained with.
    public let embedding: ElementEmbedding

    /// Creates an ensemble; members must share one architecture input width with `embedding`.
    public init(members: [RoostMember], embedding: ElementEmbedding) throws(ModelsError) {
        guard !members.isEmpty else { throw .invalidOptions("an ensemble needs at least one member") }
        for member in members where member.model.config.embeddingDimension != embedding.dimension {
            throw .invalidOptions("member expects \(member.model.config.embeddingDimension)-d element vectors, the \(embedding.name) embedding has \(embedding.dimension)")
        }
        self.members = members
        self.embedding = embedding
    }

    /// Ensemble predictions for `compositions` (as (atomic number, amount) lists), in order.
    public func predict(elementAmounts: [[(z: Int, amount: Double)]]) throws(ModelsError) -> [EnsemblePrediction] {
        var perMember: [[(mean: Double, standardDeviation: Double)]] = []
        for member in members {
            perMember.append(try member.predict(elementAmounts: elementAmounts, embedding: embedding))
        }
        return elementAmounts.indices.map { row in
            EnsemblePrediction(memberMeans: perMember.map { $0[row].mean },
                               memberStandardDeviations: perMember.map { $0[row].standardDeviation })
        }
    }

    /// Ensemble predictions for samples, in order.
    public func predict(_ samples: [RoostSample]) throws(ModelsError) -> [EnsemblePrediction] {
        try predict(elementAmounts: samples.map(\.elementFractions))
    }
}
