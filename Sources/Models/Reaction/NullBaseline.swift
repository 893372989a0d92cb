import Chemistry

/// The thesis's null model of a reaction's target: every precursor element is present, each in its
/// average training amount (the mean fraction of that element over the training targets that
/// contain it; the mean over all such averages for an element no training target holds), then
/// renormalised to sum to 1.
public struct NullBaseline: Codable, Sendable, Equatable {
    /// Average training fraction by element symbol.
    public let averageFractions: [String: Double]
    /// The amount used for an element no training target contains.
    public let fallback: Double

    /// Fits the averages on labelled training samples.
    public init(fitting samples: [ReactionSample]) {
        var sums: [Int: (total: Double, count: Double)] = [:]
        for sample in samples {
            for element in sample.target ?? [] {
                let current = sums[element.z] ?? (0, 0)
                sums[element.z] = (current.total + element.fraction, current.count + 1)
            }
        }
        var averages: [String: Double] = [:]
        for (z, sum) in sums { if let element = PeriodicTable.element(z: z) { averages[element.symbol] = sum.total / sum.count } }
        averageFractions = averages
        fallback = averages.isEmpty ? 1 : averages.values.reduce(0, +) / Double(averages.count)
    }

    /// The baseline's fractions for `sample`, keyed by atomic number.
    public func predict(_ sample: ReactionSample) -> [Int: Double] {
        let elements = sample.precursorElements
        let amounts = elements.map { z in PeriodicTable.element(z: z).flatMap { averageFractions[$0.symbol] } ?? fallback }
        let total = amounts.reduce(0, +)
        return Dictionary(uniqueKeysWithValues: zip(elements, amounts.map { $0 / total }))
    }
}
