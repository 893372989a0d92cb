import Review

/// `curate similar ID`: the stored reactions whose embeddings are nearest to one reaction's.
public enum SimilarWorkflow {
    /// The `top` nearest reactions to `id` under embedding model `model` (needed when several hold it).
    public static func similar(to id: String, top: Int = 10, model: String? = nil, storePath: String) throws -> SimilaritySearch.Result {
        let store = try StoreOpening.open(storePath)
        return try step { try SimilaritySearch.similar(to: id, top: top, model: model, store: store) }
    }
}
