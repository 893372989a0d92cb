/// One screened material: its true and predicted distance to the known convex hull and the
/// model's predictive standard deviation (all in eV/atom).
public struct ScreeningSample: Sendable, Hashable {
    /// Identifier, for reports.
    public let id: String
    /// True energy above the known hull (ΔE_hull; negative below the hull).
    public let trueEnergyAboveHull: Double
    /// Predicted energy above the known hull (ΔÊ_hull,pred).
    public let predictedEnergyAboveHull: Double
    /// Predictive standard deviation σ̂ of the prediction (0 when the model gives none).
    public let standardDeviation: Double

    /// Creates a sample.
    public init(id: String, trueEnergyAboveHull: Double, predictedEnergyAboveHull: Double, standardDeviation: Double = 0) {
        self.id = id
        self.trueEnergyAboveHull = trueEnergyAboveHull
        self.predictedEnergyAboveHull = predictedEnergyAboveHull
        self.standardDeviation = standardDeviation
    }
}
