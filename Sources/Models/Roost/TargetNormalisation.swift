/// Standardisation of regression targets: the network learns (y − mean) / std.
public struct TargetNormalisation: Codable, Sendable, Equatable {
    /// Mean of the training targets.
    public var mean: Double
    /// Standard deviation of the training targets (1 when they do not vary).
    public var standardDeviation: Double

    /// Creates a normalisation from explicit values.
    public init(mean: Double, standardDeviation: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The mean and (population) standard deviation of `targets`; std 1 when it would be 0.
    public init(fitting targets: [Double]) {
        let n = Double(max(targets.count, 1))
        let mean = targets.reduce(0, +) / n
        let variance = targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
        let std = variance.squareRoot()
        self.init(mean: mean, standardDeviation: std > 0 && std.isFinite ? std : 1)
    }

    /// (y − mean) / std.
    public func normalise(_ y: Double) -> Double { (y - mean) / standardDeviation }

    /// The inverse of `normalise`: a normalised prediction back in target units.
    public func denormalise(_ z: Double) -> Double { z * standardDeviation + mean }

    /// A normalised standard deviation back in target units.
    public func denormaliseStandardDeviation(_ s: Double) -> Double { s * standardDeviation }
}
