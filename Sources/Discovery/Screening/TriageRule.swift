/// The rule that decides which candidates go on to a DFT calculation (SCIENCE.md §5).
///
/// A material counts as stable when its energy above the known hull is strictly below
/// `threshold` (default 0: below the known hull). A candidate is selected when its predicted
/// distance is below the threshold, or, with `uncertaintyAdjusted`, when the predicted distance
/// plus `sigmaMultiplier` predictive standard deviations is (ΔÊ_hull,pred + σ̂ < 0 in the thesis).
public struct TriageRule: Sendable, Hashable, Codable {
    /// Stability threshold on the energy above the known hull (eV/atom).
    public var threshold: Double
    /// Whether the predictive standard deviation is added before comparing.
    public var uncertaintyAdjusted: Bool
    /// How many standard deviations are added when `uncertaintyAdjusted` (1 in the thesis).
    public var sigmaMultiplier: Double

    /// Creates a rule; the defaults are the thesis's plain rule ΔÊ_hull,pred < 0.
    public init(threshold: Double = 0, uncertaintyAdjusted: Bool = false, sigmaMultiplier: Double = 1) {
        self.threshold = threshold
        self.uncertaintyAdjusted = uncertaintyAdjusted
        self.sigmaMultiplier = sigmaMultiplier
    }

    /// Whether a true energy above the hull counts as stable.
    public func isStable(trueEnergyAboveHull value: Double) -> Bool { value < threshold }

    /// Whether a prediction with standard deviation `sigma` is selected.
    public func selects(predicted: Double, standardDeviation sigma: Double) -> Bool {
        (uncertaintyAdjusted ? predicted + sigmaMultiplier * sigma : predicted) < threshold
    }
}
