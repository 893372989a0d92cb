/// Per-element facts as flat arrays indexed by atomic number (index 0 unused), for hot loops
/// that should not copy whole `Element` values.
enum ElementColumns {
    /// Symbols; `symbols[26] == "Fe"`.
    static let symbols: [String] = [""] + PeriodicTable.elements.map(\.symbol)
    /// Symbols as UTF-8 bytes.
    static let symbolBytes: [[UInt8]] = symbols.map { Array($0.utf8) }
    /// Pauling electronegativity, `+infinity` where none is tabulated (sorts last).
    static let electronegativity: [Double] = [.infinity] + PeriodicTable.elements.map { $0.paulingElectronegativity ?? .infinity }
    /// Rank of each element in alphabetical symbol order.
    static let alphabeticalRank: [Int] = {
        var rank = [Int](repeating: 0, count: PeriodicTable.elements.count + 1)
        let ordered = PeriodicTable.elements.sorted { $0.symbol < $1.symbol }
        for (position, element) in ordered.enumerated() { rank[element.z] = position }
        return rank
    }()
}
