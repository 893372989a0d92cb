import Chemistry

/// Fixed-length Magpie-style descriptors of a precursor composition, computed from the
/// project's own element table.
///
/// For each element property (atomic number, atomic mass, group, period, block, Pauling
/// electronegativity, modified Pettifor number, covalent radius, number of common oxidation
/// states, highest and lowest common oxidation state) six statistics over the composition's
/// elements, weighted by atomic fraction: mean, minimum, maximum, range, mean absolute
/// deviation from the mean, and mode (the value of the most abundant element; the lighter one on
/// ties). A property the table lacks for an element (for example the group of a lanthanide) is
/// replaced by that property's mean over the elements that have it.
public enum PrecursorDescriptors {
    /// The property names, in descriptor order.
    public static let propertyNames = [
        "z", "atomic_mass", "group", "period", "block", "electronegativity", "pettifor", "covalent_radius",
        "oxidation_state_count", "max_oxidation_state", "min_oxidation_state",
    ]
    /// The statistic names, in descriptor order within each property.
    public static let statisticNames = ["mean", "min", "max", "range", "mean_abs_dev", "mode"]

    /// The descriptor length (properties × statistics).
    public static var dimension: Int { propertyNames.count * statisticNames.count }

    /// Descriptor names, `property.statistic`, in order.
    public static var names: [String] { propertyNames.flatMap { p in statisticNames.map { "\(p).\($0)" } } }

    /// The descriptor of `composition` (any amounts; they are normalised to fractions).
    public static func describe(_ composition: Composition) -> [Float] {
        let total = composition.totalAmount
        let entries = composition.entries.map { (row: table[Int($0.z)], weight: $0.amount / total) }
        var out: [Float] = []
        out.reserveCapacity(dimension)
        let modeRow = entries.enumerated().max { a, b in
            a.element.weight < b.element.weight || (a.element.weight == b.element.weight && a.offset > b.offset)
        }?.element.row
        for p in 0..<propertyNames.count {
            let values = entries.map { (value: $0.row[p], weight: $0.weight) }
            let mean = values.reduce(0) { $0 + $1.value * $1.weight }
            let low = values.map(\.value).min() ?? 0
            let high = values.map(\.value).max() ?? 0
            let deviation = values.reduce(0) { $0 + abs($1.value - mean) * $1.weight }
            out += [mean, low, high, high - low, deviation, modeRow?[p] ?? 0].map { Float($0) }
        }
        return out
    }

    /// Property values by atomic number (row 0 unused), missing values imputed.
    static let table: [[Double]] = {
        let elements = PeriodicTable.elements
        let raw: [[Double?]] = elements.map { e in
            let states = e.commonOxidationStates
            return [Double(e.z), e.atomicMass, e.group.map(Double.init), Double(e.period), blockIndex(e.block),
                    e.paulingElectronegativity, e.modifiedPettifor.map(Double.init), e.covalentRadius,
                    Double(states.count), states.max().map(Double.init) ?? 0, states.min().map(Double.init) ?? 0]
        }
        let means: [Double] = (0..<propertyNames.count).map { p in
            let present = raw.compactMap { $0[p] }
            return present.isEmpty ? 0 : present.reduce(0, +) / Double(present.count)
        }
        let filled = raw.map { row in row.enumerated().map { $0.element ?? means[$0.offset] } }
        return [[Double](repeating: 0, count: propertyNames.count)] + filled
    }()

    private static func blockIndex(_ block: Block) -> Double {
        switch block {
        case .s: 0
        case .p: 1
        case .d: 2
        case .f: 3
        }
    }
}
