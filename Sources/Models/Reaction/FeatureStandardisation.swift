/// Per-column standardisation (x − mean) / std fitted on training rows and saved with a model.
public struct FeatureStandardisation: Codable, Sendable, Equatable {
    /// Column means.
    public let means: [Float]
    /// Column standard deviations (1 where a column is constant).
    public let standardDeviations: [Float]

    /// Creates a standardisation from explicit statistics.
    public init(means: [Float], standardDeviations: [Float]) {
        self.means = means
        self.standardDeviations = standardDeviations
    }

    /// Fits means and population standard deviations of `rows` (all of one length, at least one).
    public init(fitting rows: [[Float]]) {
        let width = rows.first?.count ?? 0
        var mean = [Double](repeating: 0, count: width)
        for row in rows { for k in 0..<width { mean[k] += Double(row[k]) } }
        let n = Double(max(rows.count, 1))
        mean = mean.map { $0 / n }
        var variance = [Double](repeating: 0, count: width)
        for row in rows { for k in 0..<width { variance[k] += (Double(row[k]) - mean[k]) * (Double(row[k]) - mean[k]) } }
        means = mean.map { Float($0) }
        standardDeviations = variance.map { v in
            let s = (v / n).squareRoot()
            return s > 1e-8 ? Float(s) : 1
        }
    }

    /// The standardised copy of `row`.
    public func apply(_ row: [Float]) -> [Float] {
        zip(row, zip(means, standardDeviations)).map { ($0 - $1.0) / $1.1 }
    }
}
