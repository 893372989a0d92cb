/// The rolling mean absolute error of predicted hull distances as a function of the true hull
/// distance (thesis figure 6.8): for each grid point x, the samples whose true distance lies
/// in [x − window/2, x + window/2] (grid points rounded to 1e-9) and the mean of |predicted − true| over them, with the
/// standard error of that mean.
public struct RollingError: Sendable, Hashable, Codable {
    /// One grid point.
    public struct Point: Sendable, Hashable, Codable {
        /// Centre of the window (true energy above hull, eV/atom).
        public let centre: Double
        /// Samples in the window.
        public let count: Int
        /// Mean absolute error in the window (nil when the window is empty).
        public let meanAbsoluteError: Double?
        /// Standard error of that mean (sample standard deviation / √n; nil below 2 samples).
        public let standardError: Double?
    }

    /// Window width (eV/atom).
    public let window: Double
    /// The grid points in increasing order.
    public let points: [Point]

    /// Computes the curve on the grid `lower, lower + step, …` up to `upper` (inclusive within
    /// a rounding tolerance). Throws `ScreeningError.invalidGrid` unless window and step are
    /// positive and finite and lower ≤ upper.
    public init(samples: [ScreeningSample], window: Double = 0.04, lower: Double = -0.2, upper: Double = 0.2,
                step: Double = 0.01) throws(ScreeningError) {
        guard window > 0, step > 0, window.isFinite, step.isFinite, lower.isFinite, upper.isFinite, lower <= upper else {
            throw .invalidGrid(window: window, lower: lower, upper: upper, step: step)
        }
        let sorted = samples.map { (truth: $0.trueEnergyAboveHull, error: abs($0.predictedEnergyAboveHull - $0.trueEnergyAboveHull)) }
            .sorted { $0.truth < $1.truth }
        let count = Int(((upper - lower) / step + 1e-9).rounded(.down))
        var points: [Point] = []
        for index in 0...count {
            let centre = ((lower + Double(index) * step) * 1e9).rounded() / 1e9
            let inside = sorted.filter { abs($0.truth - centre) <= window / 2 }.map(\.error)
            let n = inside.count
            let mean = n == 0 ? nil : inside.reduce(0, +) / Double(n)
            var standardError: Double?
            if let mean, n > 1 {
                let variance = inside.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
                standardError = (variance / Double(n)).squareRoot()
            }
            points.append(Point(centre: centre, count: n, meanAbsoluteError: mean, standardError: standardError))
        }
        self.window = window
        self.points = points
    }
}
