import Learning

/// Cosine-similarity nearest neighbours over a fixed reference set of Float32 vectors.
///
/// Vectors are L2-normalised once; queries are answered in blocks with one matrix product
/// (OpenBLAS `sgemm`) per block of queries against all references, then a bounded top-K
/// selection per row. A zero vector has similarity 0 to everything.
public struct CosineIndex: Sendable {
    /// The reference keys, in the order given.
    public let keys: [String]
    /// Vector length.
    public let dimension: Int
    private let normalised: Tensor

    /// One neighbour of a query.
    public struct Neighbour: Sendable, Equatable {
        /// Position of the neighbour in `keys`.
        public var index: Int
        public var key: String
        public var similarity: Float
    }

    /// Builds the index; every vector must have `dimension` entries.
    public init(keys: [String], vectors: [[Float]]) throws(ReviewError) {
        guard keys.count == vectors.count else {
            throw .invalidArgument(name: "vectors", reason: "\(vectors.count) vectors for \(keys.count) keys")
        }
        let dimension = vectors.first?.count ?? 0
        var scalars: [Float] = []
        scalars.reserveCapacity(vectors.count * dimension)
        for (key, vector) in zip(keys, vectors) {
            guard vector.count == dimension else {
                throw .invalidArgument(name: "vector \(key)", reason: "\(vector.count) values, expected \(dimension)")
            }
            scalars += Self.normalise(vector)
        }
        self.keys = keys
        self.dimension = dimension
        self.normalised = Tensor(shape: [vectors.count, dimension], scalars: scalars)
    }

    /// The unit vector of `vector` (the zero vector stays zero).
    public static func normalise(_ vector: [Float]) -> [Float] {
        var sum: Float = 0
        for value in vector { sum += value * value }
        guard sum > 0 else { return vector }
        let scale = 1 / sum.squareRoot()
        return vector.map { $0 * scale }
    }

    /// The `k` most similar references of each query, most similar first (ties by index).
    /// `exclude(q, r)` hides reference `r` from query `q` (e.g. the query itself).
    public func nearest(_ queries: [[Float]], k: Int, blockSize: Int = 256,
                        exclude: (Int, Int) -> Bool = { _, _ in false }) throws(ReviewError) -> [[Neighbour]] {
        guard k >= 0, blockSize > 0 else { throw .invalidArgument(name: "k", reason: "k must be ≥ 0 and the block size > 0") }
        let referenceCount = keys.count
        guard k > 0, referenceCount > 0, dimension > 0 else { return queries.map { _ in [] } }
        var results: [[Neighbour]] = []
        results.reserveCapacity(queries.count)
        var start = 0
        while start < queries.count {
            let end = min(start + blockSize, queries.count)
            var block: [Float] = []
            block.reserveCapacity((end - start) * dimension)
            for q in start..<end {
                guard queries[q].count == dimension else {
                    throw .invalidArgument(name: "query \(q)", reason: "\(queries[q].count) values, expected \(dimension)")
                }
                block += Self.normalise(queries[q])
            }
            let similarities = Tensor.matmul(Tensor(shape: [end - start, dimension], scalars: block), normalised, transposeB: true)
            similarities.scalars.withUnsafeBufferPointer { all in
                for row in 0..<(end - start) {
                    let base = row * referenceCount
                    results.append(topK(k) { r in exclude(start + row, r) ? nil : all[base + r] })
                }
            }
            start = end
        }
        return results
    }

    /// Bounded selection of the `k` largest similarities, kept sorted (descending, ties by index).
    private func topK(_ k: Int, similarity: (Int) -> Float?) -> [Neighbour] {
        var best: [(index: Int, value: Float)] = []
        best.reserveCapacity(k + 1)
        for r in 0..<keys.count {
            guard let value = similarity(r) else { continue }
            if best.count == k, let last = best.last, value <= last.value { continue }
            var position = best.count
            while position > 0, best[position - 1].value < value { position -= 1 }
            best.insert((r, value), at: position)
            if best.count > k { best.removeLast() }
        }
        return best.map { Neighbour(index: $0.index, key: keys[$0.index], similarity: $0.value) }
    }
}
