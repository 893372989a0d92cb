/// One vector to store for similarity search.
public struct EmbeddingDraft: Sendable, Equatable {
    public var subjectKey: String
    /// What a person recognises the subject by (a formula).
    public var label: String
    /// JSON object with whatever else helps read a neighbour list (DOI, split, observed target).
    public var metadataJSON: String
    public var vector: [Float]

    public init(subjectKey: String, label: String, metadataJSON: String, vector: [Float]) {
        self.subjectKey = subjectKey
        self.label = label
        self.metadataJSON = metadataJSON
        self.vector = vector
    }
}

/// A stored embedding.
public struct StoredEmbedding: Sendable, Equatable {
    public var modelId: String
    public var subjectKey: String
    public var label: String
    public var metadataJSON: String
    public var vector: [Float]
}

/// One embedding model in the store and how many vectors it holds.
public struct EmbeddingModelSummary: Sendable, Equatable, Codable {
    public var modelId: String
    public var count: Int
    public var dimension: Int

    public init(modelId: String, count: Int, dimension: Int) {
        self.modelId = modelId
        self.count = count
        self.dimension = dimension
    }
}
