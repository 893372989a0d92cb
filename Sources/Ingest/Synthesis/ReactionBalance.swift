import Chemistry

/// Element balance of a reaction equation: Σ left − Σ right per element, where every amount
/// and formula can be evaluated. The tolerance is recorded with the result.
public struct ReactionBalance: Sendable, Hashable, Codable {
    /// Allowed residual per element, relative to that element's larger side total (at least `absoluteFloor`).
    public static let relativeTolerance = 0.01
    /// Smallest allowed residual, in atoms per formula unit.
    public static let absoluteFloor = 1e-3

    /// `balanced`, `unbalanced`, or `not_checked` (a term could not be evaluated).
    public var status: String
    /// Why it was not checked, when it was not.
    public var note: String?
    /// Element → residual (left − right), only for elements beyond tolerance.
    public var residuals: [String: Double]
    /// Tolerance applied.
    public var tolerance: String
    /// Variable values used to evaluate symbolic amounts.
    public var bindings: [String: Double]

    /// Checks `equation` with `placeholders` and variable `values`.
    static func check(_ equation: SynthesisReaction.Equation, placeholders: [String: String],
                      values: [String: Double]) -> ReactionBalance {
        let tolerance = "relative \(relativeTolerance), floor \(absoluteFloor)"
        func skipped(_ note: String) -> ReactionBalance {
            ReactionBalance(status: "not_checked", note: note, residuals: [:], tolerance: tolerance, bindings: values)
        }
        guard !equation.leftSide.isEmpty, !equation.rightSide.isEmpty else { return skipped("the equation has an empty side") }
        let bindings = FormulaBindings(variables: values, placeholders: placeholders)
        var left: [String: Double] = [:]
        var right: [String: Double] = [:]
        for (side, terms) in [(0, equation.leftSide), (1, equation.rightSide)] {
            for term in terms {
                guard let amount = AmountExpression.evaluate(term.amount, variables: values) else {
                    return skipped("amount \"\(term.amount)\" of \(term.material) is not numeric")
                }
                guard let parsed = try? FormulaParser.parse(term.material, bindings: bindings),
                      let composition = parsed.composition else {
                    return skipped("\(term.material) cannot be read as a formula")
                }
                for (symbol, count) in composition.alphabeticalAmounts {
                    if side == 0 { left[symbol, default: 0] += amount * count } else { right[symbol, default: 0] += amount * count }
                }
            }
        }
        var residuals: [String: Double] = [:]
        for symbol in Set(left.keys).union(right.keys) {
            let l = left[symbol] ?? 0
            let r = right[symbol] ?? 0
            if abs(l - r) > max(absoluteFloor, relativeTolerance * max(l, r)) { residuals[symbol] = l - r }
        }
        return ReactionBalance(status: residuals.isEmpty ? "balanced" : "unbalanced", note: nil, residuals: residuals,
                               tolerance: tolerance, bindings: values)
    }
}
