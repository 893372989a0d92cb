import Foundation
import Store

/// `curate similar`: the stored subjects whose embeddings are closest (cosine) to one subject's.
public enum SimilaritySearch {
    /// One result.
    public struct Match: Sendable, Equatable, Codable {
        public var subject: String
        public var label: String
        public var similarity: Double
        /// The stored metadata (JSON text): DOI, split, precursors, observed target.
        public var metadata: String
    }

    /// The answer to one query.
    public struct Result: Sendable, Equatable, Codable {
        public var subject: String
        public var label: String
        public var model: String
        public var searched: Int
        public var matches: [Match]
    }

    /// The `top` nearest neighbours of `subject` among the vectors of `model` (default: the only
    /// model holding the subject; several is an error that names them).
    public static func similar(to subject: String, top: Int, model: String?, store: CurateStore) throws -> Result {
        guard top > 0 else { throw ReviewError.invalidArgument(name: "top", reason: "must be ≥ 1") }
        let modelId: String
        if let model {
            modelId = model
        } else {
            let holders = try store.embeddingModels(containing: subject)
            guard let only = holders.first else {
                throw ReviewError.invalidArgument(name: "subject", reason: "no stored embedding for \(subject); run `curate flag reactions` first")
            }
            guard holders.count == 1 else {
                throw ReviewError.invalidArgument(name: "model", reason: "\(subject) has embeddings from \(holders.joined(separator: ", ")); pass --model")
            }
            modelId = only
        }
        let stored = try store.embeddings(modelId: modelId)
        guard let query = stored.first(where: { $0.subjectKey == subject }) else {
            throw ReviewError.invalidArgument(name: "subject", reason: "model \(modelId) has no embedding for \(subject)")
        }
        let index = try CosineIndex(keys: stored.map(\.subjectKey), vectors: stored.map(\.vector))
        let found = try index.nearest([query.vector], k: top) { _, r in stored[r].subjectKey == subject }.first ?? []
        return Result(subject: subject, label: query.label, model: modelId, searched: stored.count - 1,
                      matches: found.map { Match(subject: $0.key, label: stored[$0.index].label, similarity: Double($0.similarity),
                                                 metadata: stored[$0.index].metadataJSON) })
    }
}
