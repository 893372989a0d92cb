import Foundation
import Learning

/// One reaction-model ensemble member.
public typealias ReactionMember = Member<ReactionModel>

/// What stage 1 says about one reaction.
public struct ReactionEncoding: Sendable {
    /// The reaction embedding.
    public let embedding: [Float]
    /// Sigmoid probability of each allowed element (alchemy mask), by atomic number.
    public let probabilities: [Int: Double]
}

extension Member where Model == ReactionModel {
    /// Reaction embeddings and masked element probabilities, in input order, in batches.
    public func encode(_ samples: [ReactionSample], actionEmbeddings: [[Float]], standardisation: FeatureStandardisation,
                       batchSize: Int = 256) -> [ReactionEncoding] {
        var out: [ReactionEncoding] = []
        out.reserveCapacity(samples.count)
        let classes = model.config.elementCount, width = model.config.nodeDimension
        var start = 0
        while start < samples.count {
            let end = min(start + max(batchSize, 1), samples.count)
            let batch = ReactionBatch(samples: Array(samples[start..<end]), actionEmbeddings: Array(actionEmbeddings[start..<end]),
                                      standardisation: standardisation, actionDimension: model.config.actionDimension)
            let graph = Graph(seed: 0, isTraining: false)
            let output = model.forward(batch, on: graph, weights: graph.parameters(model.parameters))
            let embedding = output.embedding.value.scalars, logits = output.logits.value.scalars
            for r in 0..<batch.reactionCount {
                var probabilities: [Int: Double] = [:]
                for z in batch.allowedElements[r] where z <= classes {
                    probabilities[z] = 1 / (1 + Foundation.exp(-Double(logits[r * classes + z - 1])))
                }
                out.append(ReactionEncoding(embedding: Array(embedding[(r * width)..<((r + 1) * width)]), probabilities: probabilities))
            }
            start = end
        }
        return out
    }

    /// Stage-2 fractions for each reaction's element set (non-empty, atomic numbers), in batches.
    public func fractions(embeddings: [[Float]], elementSets: [[Int]], batchSize: Int = 1024) -> [[Int: Double]] {
        var out: [[Int: Double]] = []
        out.reserveCapacity(embeddings.count)
        let width = model.config.nodeDimension
        var start = 0
        while start < embeddings.count {
            let end = min(start + max(batchSize, 1), embeddings.count)
            let graph = Graph(seed: 0, isTraining: false)
            let embedding = graph.constant(Tensor(shape: [end - start, width], scalars: embeddings[start..<end].flatMap { $0 }))
            let rows = (start..<end).flatMap { r in elementSets[r].map { (reaction: r - start, z: $0) } }
            let values = model.stoichiometry(embedding: embedding, rows: rows, on: graph,
                                             weights: graph.parameters(model.parameters)).value.scalars
            var current = [[Int: Double]](repeating: [:], count: end - start)
            for (row, value) in zip(rows, values) { current[row.reaction][row.z] = Double(value) }
            out += current
            start = end
        }
        return out
    }

    /// The member's own predictions: elements with probability ≥ `threshold` (the most probable
    /// allowed element when none reaches it) and their stage-2 fractions.
    public func predict(_ samples: [ReactionSample], actionEmbeddings: [[Float]], standardisation: FeatureStandardisation,
                        threshold: Double = 0.5) -> [[Int: Double]] {
        let encodings = encode(samples, actionEmbeddings: actionEmbeddings, standardisation: standardisation)
        let sets = encodings.map { ReactionEnsemble.elementSet($0.probabilities, threshold: threshold) }
        return fractions(embeddings: encodings.map(\.embedding), elementSets: sets)
    }
}
