import Chemistry

/// Element symbols as pymatgen writes them: plain (`Fe`) or as a species (`Fe2+`, `O2-`, `Fe3+,spin=5`).
enum PymatgenElement {
    /// The element named by `symbol`, ignoring a trailing oxidation state or properties.
    static func element(_ symbol: String) -> Element? {
        if let element = PeriodicTable.element(symbol: symbol) { return element }
        let letters = symbol.prefix { $0.isLetter }
        guard !letters.isEmpty, letters.count < symbol.count else { return nil }
        return PeriodicTable.element(symbol: letters)
    }
}
