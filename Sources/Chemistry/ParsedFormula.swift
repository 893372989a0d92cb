/// The result of parsing a formula: per-element amounts that may be symbolic, plus everything
/// the parser noticed (isotopes, charge, dopants, warnings).
public struct ParsedFormula: Sendable, Hashable {
    /// One element with its (possibly symbolic) total amount.
    public struct Term: Sendable, Hashable {
        /// Atomic number.
        public let z: UInt8
        /// Amount, affine in the formula's variables.
        public internal(set) var amount: SymbolicAmount
        /// Byte offset in the input of the element's first occurrence (for diagnostics).
        let offset: Int
        /// The element.
        public var element: Element { PeriodicTable.elements[Int(z) - 1] }
    }

    /// An isotope symbol that was mapped to its element (`D` → H).
    public struct Isotope: Sendable, Hashable, Codable {
        /// As written: `"D"` or `"T"`.
        public let symbol: String
        /// Element it was mapped to.
        public let element: String
        /// 1-based character position.
        public let position: Int
    }

    /// A dopant written after `:` (`Sr2SiO4:Eu3+`), not part of the composition.
    public struct Dopant: Sendable, Hashable, Codable {
        /// Dopant as written, e.g. `"Eu3+"`.
        public let text: String
        /// Element symbols it contains.
        public let elements: [String]
        /// Charge, when written.
        public let charge: Int?
    }

    /// The input text.
    public let input: String
    /// Per-element amounts, sorted by atomic number.
    public let terms: [Term]
    /// Variable names, sorted.
    public let variables: [String]
    /// Charge removed from a single-species formula (`Fe2+` → +2), if any.
    public let charge: Int?
    /// Isotope symbols mapped to hydrogen.
    public let isotopes: [Isotope]
    /// Dopants after `:`.
    public let dopants: [Dopant]
    /// Tolerated quirks.
    public let warnings: [FormulaWarning]
    /// Bindings that were applied.
    public let bindings: FormulaBindings

    /// The composition, or `nil` while variables are unresolved.
    public var composition: Composition? {
        guard variables.isEmpty else { return nil }
        return Composition(sortedEntries: terms.map { .init(z: $0.z, amount: $0.amount.constant) })
    }

    /// True when every amount is a number.
    public var isResolved: Bool { variables.isEmpty }

    /// The composition, or an `unresolvedVariables` error naming the free variables.
    public func resolvedComposition() throws(FormulaError) -> Composition {
        if let composition { return composition }
        throw FormulaError(
            reason: .unresolvedVariables, position: 1,
            message: "unresolved variable(s) \(variables.joined(separator: ", ")); give values such as \(variables.map { "\($0)=0.1" }.joined(separator: ","))",
            formula: input)
    }

    /// Amounts written symbolically per element symbol (`["La": "2-x", "Sr": "x", ...]`).
    public var symbolicAmounts: [String: String] {
        var result: [String: String] = [:]
        for term in terms { result[term.element.symbol] = term.amount.description }
        return result
    }
}
