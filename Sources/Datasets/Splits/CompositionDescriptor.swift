import Chemistry

/// A fixed-length composition descriptor for clustering: for six element properties
/// (Pauling electronegativity, covalent radius, modified Pettifor number, group, period, atomic
/// mass) the fraction-weighted mean, the fraction-weighted mean absolute deviation and the
/// range, then every column standardised to zero mean and unit variance over the dataset.
public enum CompositionDescriptor {
    /// Number of columns.
    public static let width = 18

    static let properties: [@Sendable (Element) -> Double?] = [
        { $0.paulingElectronegativity }, { $0.covalentRadius }, { $0.modifiedPettifor.map(Double.init) },
        { $0.group.map(Double.init) }, { Double($0.period) }, { $0.atomicMass },
    ]

    /// Raw (unstandardised) descriptor of one composition; properties an element lacks are
    /// left out of that property's statistics (NaN when no element has it).
    public static func raw(_ composition: Composition?) -> [Double] {
        guard let composition else { return [Double](repeating: .nan, count: width) }
        let total = composition.totalAmount
        var row: [Double] = []
        row.reserveCapacity(width)
        for property in properties {
            var pairs: [(weight: Double, value: Double)] = []
            for entry in composition.entries {
                if let value = property(entry.element) { pairs.append((entry.amount / total, value)) }
            }
            let weight = pairs.reduce(0) { $0 + $1.weight }
            guard weight > 0, let low = pairs.map(\.value).min(), let high = pairs.map(\.value).max() else {
                row += [.nan, .nan, .nan]
                continue
            }
            let mean = pairs.reduce(0) { $0 + $1.weight * $1.value } / weight
            let deviation = pairs.reduce(0) { $0 + $1.weight * abs($1.value - mean) } / weight
            row += [mean, deviation, high - low]
        }
        return row
    }

    /// Standardised descriptors of `compositions` (missing values become the column mean, 0).
    public static func standardised(_ compositions: [Composition?]) -> [[Double]] {
        var rows = compositions.map(raw)
        guard !rows.isEmpty else { return [] }
        for column in 0..<width {
            let present = rows.map { $0[column] }.filter { !$0.isNaN }
            let mean = present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count)
            let variance = present.isEmpty ? 0 : present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(present.count)
            let scale = variance > 0 ? variance.squareRoot() : 1
            for index in rows.indices {
                let value = rows[index][column]
                rows[index][column] = value.isNaN ? 0 : (value - mean) / scale
            }
        }
        return rows
    }
}
