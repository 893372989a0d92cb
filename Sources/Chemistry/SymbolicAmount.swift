/// An amount that is affine in named variables: `constant + Σ coefficient × variable`.
///
/// `La2-xSrxCuO4` gives La = 2 − x and Sr = x. Plain numbers have no terms (no allocation).
public struct SymbolicAmount: Sendable, Hashable, Codable, CustomStringConvertible {
    /// One `coefficient × variable` term.
    public struct Term: Sendable, Hashable, Codable {
        /// Variable name, e.g. `"x"` or `"δ"`.
        public var variable: String
        /// Its coefficient.
        public var coefficient: Double
    }

    /// The constant part.
    public var constant: Double
    /// Variable terms, sorted by variable name, no zero coefficients.
    public var terms: [Term]

    /// A plain number.
    public init(_ constant: Double) {
        self.constant = constant
        self.terms = []
    }

    /// A general affine amount.
    public init(constant: Double, terms: [Term]) {
        self.constant = constant
        self.terms = terms
    }

    /// True when the amount has no variables.
    @inlinable public var isConstant: Bool { terms.isEmpty }

    /// Names of the variables used.
    public var variables: [String] { terms.map(\.variable) }

    /// Sum of two affine amounts.
    public static func + (lhs: SymbolicAmount, rhs: SymbolicAmount) -> SymbolicAmount {
        if rhs.terms.isEmpty { return SymbolicAmount(constant: lhs.constant + rhs.constant, terms: lhs.terms) }
        var result = lhs
        result.constant += rhs.constant
        for term in rhs.terms { result.add(term.variable, term.coefficient) }
        return result
    }

    /// Scales by a constant.
    public static func * (lhs: SymbolicAmount, rhs: Double) -> SymbolicAmount {
        if lhs.terms.isEmpty { return SymbolicAmount(lhs.constant * rhs) }
        let scaled = lhs.terms.map { Term(variable: $0.variable, coefficient: $0.coefficient * rhs) }
        return SymbolicAmount(constant: lhs.constant * rhs, terms: scaled)
    }

    /// Product of two amounts, or `nil` if both have variables (the result would not be affine).
    public func multiplied(by other: SymbolicAmount) -> SymbolicAmount? {
        if other.terms.isEmpty { return self * other.constant }
        if terms.isEmpty { return other * constant }
        return nil
    }

    /// Adds `coefficient × variable`, keeping terms sorted and dropping zeros.
    public mutating func add(_ variable: String, _ coefficient: Double) {
        if let index = terms.firstIndex(where: { $0.variable == variable }) {
            terms[index].coefficient += coefficient
            if terms[index].coefficient == 0 { terms.remove(at: index) }
        } else if coefficient != 0 {
            terms.append(Term(variable: variable, coefficient: coefficient))
            terms.sort { $0.variable < $1.variable }
        }
    }

    /// The value with every variable bound, or `nil` if some variable has no binding.
    public func evaluate(_ bindings: [String: Double]) -> Double? {
        var value = constant
        for term in terms {
            guard let bound = bindings[term.variable] else { return nil }
            value += term.coefficient * bound
        }
        return value
    }

    /// Written like `2-x`, `1.5*z+26`, `x`.
    public var description: String {
        var text = constant != 0 || terms.isEmpty ? AmountFormatting.format(constant) : ""
        for term in terms {
            let magnitude = abs(term.coefficient)
            let sign = term.coefficient < 0 ? "-" : (text.isEmpty ? "" : "+")
            let factor = magnitude == 1 ? "" : AmountFormatting.format(magnitude) + "*"
            text += sign + factor + term.variable
        }
        return text
    }
}
