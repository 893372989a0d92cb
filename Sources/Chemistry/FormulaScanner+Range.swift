/// Finite arithmetic for formula amounts: every number written in a formula and every amount
/// computed from them (group multipliers, unit coefficients, fractions, repeated elements,
/// bindings) must stay a normal, finite `Double`. An amount that overflows to infinity or a
/// non-zero amount that underflows to zero (or to a subnormal) is rejected with
/// `amount_overflow` / `amount_underflow` at the position of the number that caused it, rather
/// than becoming `inf`, `nan` or a silent zero downstream.
extension FormulaScanner {
    /// The largest amount accepted; beyond it the sum of a composition's amounts could overflow.
    static let largestAmount = Double.greatestFiniteMagnitude / 1024

    /// Checks one number read from the text: `literal` names it in the message; `nonZero` says
    /// whether its digits were not all zero.
    func checkLiteral(_ value: Double, nonZero: Bool, at offset: Int, literal: @autoclosure () -> String) throws(FormulaError) {
        if !value.isFinite || value > Self.largestAmount {
            throw error(.amountOverflow, at: offset, "\"\(literal())\" is too large for an amount (limit about 1.8e305)")
        }
        if nonZero, value < Double.leastNormalMagnitude {
            throw error(.amountUnderflow, at: offset, "\"\(literal())\" is too small for an amount: it would round to zero")
        }
    }

    /// Checks an amount computed from non-zero inputs, naming the operation in the message.
    func checkComputed(_ amount: SymbolicAmount, from inputs: (Double, Double)?, at offset: Int, _ operation: String) throws(FormulaError) {
        try checkComputedValue(amount.constant, from: inputs, at: offset, operation)
        for term in amount.terms {
            try checkComputedValue(term.coefficient, from: nil, at: offset, operation)
        }
    }

    private func checkComputedValue(_ value: Double, from inputs: (Double, Double)?, at offset: Int, _ operation: String) throws(FormulaError) {
        let magnitude = abs(value)
        if !magnitude.isFinite || magnitude > Self.largestAmount {
            throw error(.amountOverflow, at: offset, "\(operation) gives an amount too large to represent (limit about 1.8e305)")
        }
        let inputsNonZero = inputs.map { $0.0 != 0 && $0.1 != 0 } ?? true
        if inputsNonZero, magnitude < Double.leastNormalMagnitude, magnitude != 0 || inputs != nil {
            throw error(.amountUnderflow, at: offset, "\(operation) gives an amount too small to represent: it would round to zero")
        }
    }
}
