import Learning

extension RoostModel {
    /// μ and log σ (normalised units) for compositions given as (atomic number, amount) lists,
    /// in batches of `batchSize`, in input order.
    public func predict(
        elementAmounts: [[(z: Int, amount: Double)]], embedding: ElementEmbedding, batchSize: Int = 512
    ) throws(ModelsError) -> (mean: [Float], logStandardDeviation: [Float]) {
        var means: [Float] = [], logStds: [Float] = []
        means.reserveCapacity(elementAmounts.count)
        logStds.reserveCapacity(elementAmounts.count)
        var start = 0
        while start < elementAmounts.count {
            let end = min(start + max(batchSize, 1), elementAmounts.count)
            let batch = try CompositionBatch(elementAmounts: Array(elementAmounts[start..<end]), embedding: embedding)
            let out = predict(batch)
            means += out.mean
            logStds += out.logStandardDeviation
            start = end
        }
        return (means, logStds)
    }
}
