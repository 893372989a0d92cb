/// Accuracy of predictions against targets, with the confidence–error curve.
public struct RegressionMetrics: Codable, Sendable, Equatable {
    /// One point of the confidence–error curve.
    public struct CurvePoint: Codable, Sendable, Equatable {
        /// Percentage of the most uncertain (or, for the oracle, the worst) points dropped.
        public let droppedPercent: Int
        /// Points kept.
        public let count: Int
        /// MAE of the points kept, dropping by predicted uncertainty.
        public let mae: Double
        /// MAE of the points kept, dropping by actual error (the best any ranking can do).
        public let oracleMAE: Double

        enum CodingKeys: String, CodingKey {
            case droppedPercent = "dropped_percent", count, mae, oracleMAE = "oracle_mae"
        }
    }

    /// Points scored.
    public let count: Int
    /// Mean absolute error.
    public let mae: Double
    /// Root-mean-square error.
    public let rmse: Double
    /// Coefficient of determination 1 − SS_res / SS_tot (`nil` when the targets do not vary).
    public let r2: Double?
    /// MAE after dropping the most uncertain 0, 10, …, 90 %.
    public let confidenceCurve: [CurvePoint]

    enum CodingKeys: String, CodingKey {
        case count, mae, rmse, r2, confidenceCurve = "confidence_curve"
    }

    /// Scores `predictions` against `targets`, ranking uncertainty by `uncertainties`
    /// (all three of one non-zero length).
    public init(predictions: [Double], targets: [Double], uncertainties: [Double]) {
        precondition(!targets.isEmpty && predictions.count == targets.count && uncertainties.count == targets.count,
                     "RegressionMetrics: one prediction and uncertainty per target")
        let n = Double(targets.count)
        let errors = zip(predictions, targets).map { abs($0 - $1) }
        let meanTarget = targets.reduce(0, +) / n
        let ssRes = errors.reduce(0) { $0 + $1 * $1 }
        let ssTot = targets.reduce(0) { $0 + ($1 - meanTarget) * ($1 - meanTarget) }
        count = targets.count
        mae = errors.reduce(0, +) / n
        rmse = (ssRes / n).squareRoot()
        r2 = ssTot > 0 ? 1 - ssRes / ssTot : nil
        // Most certain first; ties keep input order so the curve is deterministic.
        let byUncertainty = errors.indices.sorted { (uncertainties[$0], $0) < (uncertainties[$1], $1) }.map { errors[$0] }
        let byError = errors.sorted()
        confidenceCurve = stride(from: 0, through: 90, by: 10).map { percent in
            let kept = max(1, Int((Double(errors.count) * Double(100 - percent) / 100).rounded()))
            return CurvePoint(droppedPercent: percent, count: kept,
                              mae: byUncertainty.prefix(kept).reduce(0, +) / Double(kept),
                              oracleMAE: byError.prefix(kept).reduce(0, +) / Double(kept))
        }
    }
}
