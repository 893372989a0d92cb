/// Why a formula was rejected, with the 1-based character position of the offending text.
///
/// The parser never guesses: every input either yields a composition (possibly symbolic) or
/// exactly one `FormulaError` naming the first problem found.
public struct FormulaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable machine-readable reason codes (used as quarantine reason suffixes).
    public enum Reason: String, Sendable, Hashable, Codable, CaseIterable {
        /// The text is empty or only whitespace.
        case emptyFormula = "empty_formula"
        /// A character that has no meaning in the formula grammar (`!`, `=`, `%`, ...).
        case unexpectedCharacter = "unexpected_character"
        /// Letters that do not form an element symbol (or a bound placeholder).
        case unknownElement = "unknown_element"
        /// An amount written with a leading minus sign (`Ba-1`), or one that resolves below zero.
        case negativeAmount = "negative_amount"
        /// An amount equal to zero (`Fe0O`), written or resolved.
        case zeroAmount = "zero_amount"
        /// A closing bracket without an opening one, the wrong kind, or an unclosed bracket.
        case unbalancedBrackets = "unbalanced_brackets"
        /// A sign that could be a charge or arithmetic (`O4+2`, `N+3`, `Fe2+O3`).
        case ambiguousSign = "ambiguous_sign"
        /// A product of two variables (`xy`) or a variable multiplier of a symbolic group.
        case nonlinearAmount = "nonlinear_amount"
        /// A number that cannot be read (`1.2.3`, `1e`).
        case invalidNumber = "invalid_number"
        /// Notation recognised but not supported here (mixtures `0.9(A)-0.1(B)`, variable coefficients).
        case unsupportedNotation = "unsupported_notation"
        /// Variables remain after applying the given bindings.
        case unresolvedVariables = "unresolved_variables"
        /// An amount, written or computed (group multiplier, coefficient, sum), too large for a
        /// finite number (`(Fe1e200)1e200O`).
        case amountOverflow = "amount_overflow"
        /// A non-zero amount, written or computed, too small to represent: it would become zero.
        case amountUnderflow = "amount_underflow"
    }

    /// The reason code.
    public let reason: Reason
    /// 1-based position, in characters, of the first offending character in `formula`.
    public let position: Int
    /// Human-readable explanation.
    public let message: String
    /// The formula as given.
    public let formula: String

    /// Creates an error.
    public init(reason: Reason, position: Int, message: String, formula: String) {
        self.reason = reason
        self.position = position
        self.message = message
        self.formula = formula
    }

    public var description: String {
        "\(reason.rawValue) at character \(position) of \"\(formula)\": \(message)"
    }
}
