/// One reference structure of a family: lattice parameters and the measured apical distance.
public struct CalibrationPoint: Sendable, Hashable, Codable {
    /// Where the structure comes from (an MP id, a file name).
    public let id: String
    /// Stacking period c (Å).
    public let c: Double
    /// In-plane lattice parameter a* in the tetragonal setting (Å).
    public let aStar: Double
    /// Measured apical Cu–O distance (Å).
    public let apicalDistance: Double

    /// Creates a point.
    public init(id: String, c: Double, aStar: Double, apicalDistance: Double) {
        self.id = id
        self.c = c
        self.aStar = aStar
        self.apicalDistance = apicalDistance
    }
}

/// The calibration d_apical = α c + β a* + γ of one family (thesis eq. 3.1), fitted with the
/// Huber loss, with its leave-one-out error; or why there is none.
public struct ApicalCalibration: Sendable, Hashable {
    /// Fewest reference structures for a fit: the thesis used families with more than 5.
    public static let minimumStructures = 5

    /// The outcome of the fit.
    public enum Outcome: Sendable, Hashable {
        /// The fit and its leave-one-out errors (prediction − measured, Å).
        case fitted(HuberRegression, leaveOneOutErrors: [Double])
        /// Fewer than `minimumStructures` reference structures.
        case tooFewStructures(Int)
        /// The fit failed (e.g. every structure has the same lattice).
        case failed(RegressionError)
    }

    /// The family.
    public let family: CuprateFamily
    /// The reference structures used.
    public let points: [CalibrationPoint]
    /// The fit or why there is none.
    public let outcome: Outcome

    /// Fits the calibration on `points`.
    public init(family: CuprateFamily, points: [CalibrationPoint]) {
        self.family = family
        self.points = points
        guard points.count >= Self.minimumStructures else {
            outcome = .tooFewStructures(points.count)
            return
        }
        let predictors = points.map { [$0.c, $0.aStar] }
        let targets = points.map(\.apicalDistance)
        do {
            let fit = try HuberRegression(predictors: predictors, targets: targets)
            let errors = try HuberRegression.leaveOneOutErrors(predictors: predictors, targets: targets)
            outcome = .fitted(fit, leaveOneOutErrors: errors)
        } catch {
            outcome = .failed(error)
        }
    }

    /// The fitted model, if any.
    public var fit: HuberRegression? {
        if case .fitted(let fit, _) = outcome { return fit }
        return nil
    }

    /// Root-mean-square leave-one-out error (Å), if fitted.
    public var leaveOneOutRMSE: Double? {
        guard case .fitted(_, let errors) = outcome, !errors.isEmpty else { return nil }
        return (errors.reduce(0) { $0 + $1 * $1 } / Double(errors.count)).squareRoot()
    }

    /// Mean absolute leave-one-out error (Å), if fitted.
    public var leaveOneOutMAE: Double? {
        guard case .fitted(_, let errors) = outcome, !errors.isEmpty else { return nil }
        return errors.reduce(0) { $0 + abs($1) } / Double(errors.count)
    }

    /// The estimated apical distance (Å) for lattice parameters c and a*, if fitted.
    public func apicalDistance(c: Double, aStar: Double) -> Double? {
        fit?.predict([c, aStar])
    }

    /// Why there is no fit, in words; nil when fitted.
    public var missingReason: String? {
        switch outcome {
        case .fitted: nil
        case .tooFewStructures(let count): "too few structures (\(count) < \(Self.minimumStructures))"
        case .failed(let error): error.description
        }
    }
}

/// The tetragonal-setting in-plane parameter a* from a reported a: a/√2 when a is in the
/// √2 × √2 (orthorhombic, e.g. Bmab La2CuO4 or Bi2212's 5.4 Å) setting, else a.
public enum InPlaneSetting {
    /// Reported a above this (Å) is taken to be in the √2 × √2 setting.
    public static let rotatedThreshold = 4.6

    /// a* for a reported in-plane lattice parameter.
    public static func aStar(fromReported a: Double) -> Double {
        a > rotatedThreshold ? a / 2.0.squareRoot() : a
    }

    /// The in-plane Cu–O distance estimate a*/2 (square-planar CuO2).
    public static func inPlaneDistance(aStar: Double) -> Double { aStar / 2 }
}
