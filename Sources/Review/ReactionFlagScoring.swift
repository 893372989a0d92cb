/// Ranks reactions by how suspicious their recorded target is, the way the thesis found the
/// mis-parsed `La0.6Ca0.15·0.05Ba0.2MnO3` manganite: a large prediction error that the ensemble
/// was confident about, on a reaction whose nearest neighbours are very similar.
///
/// Score, for every reaction with an observed target (the scored set S):
///
///     score = s · L1 / (u + ũ)
///
/// - L1: the prediction error, Σ |predicted − observed| over elements;
/// - u: the ensemble uncertainty (√trace of the members' covariance); ũ is the median u over S,
///   a floor that keeps a near-zero uncertainty from dominating. L1 / (u + ũ) is the reaction
///   analogue of the property flags' z-score: error in units of the model's own doubt;
/// - s: mean cosine similarity of the reaction embedding to its K nearest reference reactions,
///   clipped to [0, 1]. References are the labelled reactions of the reference split (the
///   training split by default; all labelled reactions when that split is absent), never the
///   reaction itself or another row with the same id.
///
/// Magnitudes, not ranks: a rank product (error percentile × (1 − uncertainty percentile))
/// lets ordinary reactions with middling errors and tiny uncertainties outrank corrupted ones.
/// The percentile ranks of error and uncertainty are kept as evidence.
public enum ReactionFlagScoring {
    /// Options of a scoring run.
    public struct Options: Sendable, Equatable {
        /// Neighbours kept as evidence and averaged into s.
        public var neighbours: Int
        /// The split whose reactions serve as references.
        public var referenceSplit: String
        /// Multiply by the neighbour similarity s (the thesis' form); without it the score is
        /// L1 / (u + ũ) and s stays evidence only.
        public var similarityTerm: Bool

        public init(neighbours: Int = 5, referenceSplit: String = "train", similarityTerm: Bool = true) {
            self.neighbours = neighbours
            self.referenceSplit = referenceSplit
            self.similarityTerm = similarityTerm
        }
    }

    /// One neighbour of a scored reaction, with what it records.
    public struct Neighbour: Sendable, Equatable, Codable {
        public var id: String
        public var composition: String
        public var doi: String
        public var similarity: Double
        public var observed: [String: Double]?
        public var precursors: [String]
    }

    /// One scored reaction.
    public struct Candidate: Sendable, Equatable {
        public var record: ReactionPredictionRecord
        public var score: Double
        public var error: Double
        public var errorPercentile: Double
        public var uncertaintyPercentile: Double
        public var meanNeighbourSimilarity: Double
        public var neighbours: [Neighbour]
        /// Similarity-weighted mean L1 between this reaction's observed target and its neighbours'
        /// (evidence only; not part of the score).
        public var neighbourDisagreement: Double?
    }

    /// Scores every labelled reaction of `records`, highest score first (ties by id).
    public static func score(_ records: [ReactionPredictionRecord], options: Options = Options()) throws(ReviewError) -> [Candidate] {
        guard options.neighbours > 0 else { throw .invalidArgument(name: "neighbours", reason: "must be ≥ 1") }
        let scored = records.filter { $0.error != nil }
        guard !scored.isEmpty else { throw .empty(what: "no prediction has an observed target") }
        let labelledReferences = scored.filter { $0.split == options.referenceSplit }
        let references = labelledReferences.isEmpty ? scored : labelledReferences
        let index = try CosineIndex(keys: references.map(\.id), vectors: references.map(\.embedding))
        let neighbourLists = try index.nearest(scored.map(\.embedding), k: options.neighbours) { q, r in
            references[r].id == scored[q].id
        }
        let errors = scored.map { $0.error ?? 0 }
        let errorRanks = percentileRanks(errors)
        let uncertainties = scored.map(\.uncertainty)
        let uncertaintyRanks = percentileRanks(uncertainties)
        let floor = uncertaintyFloor(scored)
        var candidates: [Candidate] = []
        candidates.reserveCapacity(scored.count)
        for (position, record) in scored.enumerated() {
            let neighbours = neighbourLists[position].map { found in
                let reference = references[found.index]
                return Neighbour(id: reference.id, composition: reference.composition, doi: reference.doi,
                                 similarity: Double(found.similarity), observed: reference.observed, precursors: reference.precursors)
            }
            let similarity = neighbours.isEmpty ? 0 : min(1, max(0, neighbours.reduce(0) { $0 + $1.similarity } / Double(neighbours.count)))
            let score = (options.similarityTerm ? similarity : 1) * errors[position] / (record.uncertainty + floor)
            candidates.append(Candidate(record: record, score: score, error: errors[position],
                                        errorPercentile: errorRanks[position], uncertaintyPercentile: uncertaintyRanks[position],
                                        meanNeighbourSimilarity: similarity, neighbours: neighbours,
                                        neighbourDisagreement: disagreement(record, neighbours)))
        }
        return candidates.sorted { ($0.score, $1.record.id) > ($1.score, $0.record.id) }
    }

    /// L1 / (u + ũ) of every labelled record, by id: the score without the similarity term,
    /// which needs no neighbour search.
    public static func errorInUncertainties(_ records: [ReactionPredictionRecord]) -> [String: Double] {
        let scored = records.filter { $0.error != nil }
        let floor = uncertaintyFloor(scored)
        return Dictionary(scored.map { ($0.id, ($0.error ?? 0) / ($0.uncertainty + floor)) }, uniquingKeysWith: { first, _ in first })
    }

    /// ũ: the median uncertainty over the scored records, at least 1e-12.
    static func uncertaintyFloor(_ scored: [ReactionPredictionRecord]) -> Double {
        max(median(scored.map(\.uncertainty)), 1e-12)
    }

    /// The median (mean of the middle two for an even count; 0 when empty).
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Average-rank percentiles in [0, 1] (0 for the smallest value; all 0 for one value).
    public static func percentileRanks(_ values: [Double]) -> [Double] {
        guard values.count > 1 else { return values.map { _ in 0 } }
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2
            for i in start...end { ranks[order[i]] = average / Double(values.count - 1) }
            start = end + 1
        }
        return ranks
    }

    private static func disagreement(_ record: ReactionPredictionRecord, _ neighbours: [Neighbour]) -> Double? {
        guard let observed = record.observed else { return nil }
        var weighted = 0.0, total = 0.0
        for neighbour in neighbours {
            guard let other = neighbour.observed else { continue }
            let weight = max(0, neighbour.similarity)
            weighted += weight * L1Distance.between(observed, other)
            total += weight
        }
        return total > 0 ? weighted / total : nil
    }
}
