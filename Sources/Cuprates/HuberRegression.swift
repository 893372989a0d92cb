import Foundation

/// Why a robust fit could not be made.
public enum RegressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer points than the fit needs.
    case tooFewPoints(count: Int, needed: Int)
    /// The design matrix is singular (e.g. every structure has the same a).
    case singularDesign

    public var description: String {
        switch self {
        case .tooFewPoints(let count, let needed): "too few points (\(count), need \(needed))"
        case .singularDesign: "singular design (the predictors do not vary independently)"
        }
    }
}

/// A linear fit y ≈ X·w (with an intercept) under the Huber loss, by iteratively reweighted
/// least squares (the M-estimator of Huber 1964, as statsmodels' `RLM(..., HuberT())` computes it).
///
/// The residual scale is the normalised median absolute deviation (MAD/0.6745) of each
/// iteration's residuals; points beyond `threshold` scales get weight threshold·scale/|r|.
/// Standard errors are those of the final weighted least-squares problem,
/// σ² (XᵀWX)⁻¹ with σ² = Σ wᵢrᵢ² / (n − p).
public struct HuberRegression: Sendable, Hashable, Codable {
    /// The Huber threshold in units of the residual scale (1.345: 95 % efficiency for Gaussian noise).
    public static let defaultThreshold = 1.345

    /// Coefficients of the predictors, in order, then the intercept.
    public let coefficients: [Double]
    /// Standard errors of `coefficients`.
    public let standardErrors: [Double]
    /// Robust residual scale at convergence.
    public let scale: Double
    /// Iterations used.
    public let iterations: Int

    /// Fits `targets` from `predictors` (one row per point, the same length each) plus an intercept.
    public init(predictors: [[Double]], targets: [Double], threshold: Double = defaultThreshold,
                maximumIterations: Int = 200, tolerance: Double = 1e-10) throws(RegressionError) {
        let width = (predictors.first?.count ?? 0) + 1
        guard predictors.count == targets.count, predictors.count >= width + 1 else {
            throw .tooFewPoints(count: predictors.count, needed: width + 1)
        }
        let rows = predictors.map { $0 + [1.0] }
        var weights = Array(repeating: 1.0, count: rows.count)
        var coefficients = try Self.weightedLeastSquares(rows, targets, weights).solution
        var scale = 0.0
        var iterations = 0
        for iteration in 1...maximumIterations {
            iterations = iteration
            let residuals = zip(rows, targets).map { $1 - Self.dot($0, coefficients) }
            // An exact fit of most points has MAD 0; a floor keeps the outliers down-weighted.
            scale = max(Self.median(residuals.map(abs)) / 0.6745, 1e-9)
            weights = residuals.map { min(1, threshold * scale / max(abs($0), 1e-300)) }
            let next = try Self.weightedLeastSquares(rows, targets, weights).solution
            let change = zip(next, coefficients).map { abs($0 - $1) }.max() ?? 0
            coefficients = next
            if change < tolerance { break }
        }
        let final = try Self.weightedLeastSquares(rows, targets, weights)
        let residuals = zip(rows, targets).map { $1 - Self.dot($0, coefficients) }
        let sigma2 = zip(weights, residuals).reduce(0) { $0 + $1.0 * $1.1 * $1.1 } / Double(max(rows.count - width, 1))
        self.coefficients = coefficients
        self.standardErrors = (0..<width).map { (sigma2 * final.inverse[$0][$0]).squareRoot() }
        self.scale = scale
        self.iterations = iterations
    }

    /// The fitted value for one row of predictors.
    public func predict(_ predictors: [Double]) -> Double {
        Self.dot(predictors + [1.0], coefficients)
    }

    /// Leave-one-out errors: each point predicted by a fit on all the others (prediction − target).
    public static func leaveOneOutErrors(predictors: [[Double]], targets: [Double],
                                         threshold: Double = defaultThreshold) throws(RegressionError) -> [Double] {
        var errors: [Double] = []
        for held in predictors.indices {
            let rest = predictors.indices.filter { $0 != held }
            let fit = try HuberRegression(predictors: rest.map { predictors[$0] }, targets: rest.map { targets[$0] },
                                          threshold: threshold)
            errors.append(fit.predict(predictors[held]) - targets[held])
        }
        return errors
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Solves (XᵀWX) w = XᵀWy by Gauss–Jordan elimination with partial pivoting.
    static func weightedLeastSquares(_ rows: [[Double]], _ targets: [Double],
                                     _ weights: [Double]) throws(RegressionError) -> (solution: [Double], inverse: [[Double]]) {
        let width = rows[0].count
        var normal = Array(repeating: Array(repeating: 0.0, count: width), count: width)
        var right = Array(repeating: 0.0, count: width)
        for (index, row) in rows.enumerated() {
            for i in 0..<width {
                right[i] += weights[index] * row[i] * targets[index]
                for j in 0..<width { normal[i][j] += weights[index] * row[i] * row[j] }
            }
        }
        let size = normal.map { $0.map(abs).max() ?? 0 }.max() ?? 0
        var augmented = normal.enumerated().map { i, row in
            row + (0..<width).map { $0 == i ? 1.0 : 0.0 } + [right[i]]
        }
        for column in 0..<width {
            guard let pivot = (column..<width).max(by: { abs(augmented[$0][column]) < abs(augmented[$1][column]) }),
                  abs(augmented[pivot][column]) > 1e-12 * max(size, 1e-300) else { throw .singularDesign }
            augmented.swapAt(column, pivot)
            let lead = augmented[column][column]
            augmented[column] = augmented[column].map { $0 / lead }
            for row in 0..<width where row != column {
                let factor = augmented[row][column]
                guard factor != 0 else { continue }
                augmented[row] = zip(augmented[row], augmented[column]).map { $0 - factor * $1 }
            }
        }
        return (augmented.map { $0[2 * width] }, augmented.map { Array($0[width..<(2 * width)]) })
    }
}
