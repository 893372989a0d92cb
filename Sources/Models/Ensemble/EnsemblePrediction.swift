/// A deep-ensemble prediction with its uncertainty split into parts.
public struct EnsemblePrediction: Codable, Sendable, Equatable {
    /// Mean of the members' μ.
    public let mean: Double
    /// Standard deviation of the members' μ (population; 0 for one member).
    public let epistemicStandardDeviation: Double
    /// √(mean of the members' σ²).
    public let aleatoricStandardDeviation: Double
    /// √(epistemic² + aleatoric²).
    public let totalStandardDeviation: Double

    enum CodingKeys: String, CodingKey {
        case mean
        case epistemicStandardDeviation = "epistemic_std"
        case aleatoricStandardDeviation = "aleatoric_std"
        case totalStandardDeviation = "total_std"
    }

    /// Combines member means μ_k and standard deviations σ_k (equal-length, non-empty).
    public init(memberMeans: [Double], memberStandardDeviations: [Double]) {
        precondition(!memberMeans.isEmpty && memberMeans.count == memberStandardDeviations.count,
                     "EnsemblePrediction: one mean and one σ per member")
        let n = Double(memberMeans.count)
        let mean = memberMeans.reduce(0, +) / n
        let epistemicVariance = memberMeans.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let aleatoricVariance = memberStandardDeviations.reduce(0) { $0 + $1 * $1 } / n
        self.mean = mean
        epistemicStandardDeviation = epistemicVariance.squareRoot()
        aleatoricStandardDeviation = aleatoricVariance.squareRoot()
        totalStandardDeviation = (epistemicVariance + aleatoricVariance).squareRoot()
    }
}
