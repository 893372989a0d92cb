/// Something the parser accepted but repaired or interpreted, reported so a user can see it.
public struct FormulaWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Stable codes for the quirks the grammar tolerates.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// Whitespace inside the formula was ignored (`LaBi 3`, `Al2 C2 Nb2 O2`).
        case whitespaceIgnored = "whitespace_ignored"
        /// A number ended with a decimal point (`O11.`), read as an integer.
        case trailingDecimalPoint = "trailing_decimal_point"
        /// `D` or `T` was read as hydrogen; the isotope is kept in `ParsedFormula.isotopes`.
        case isotopeMappedToHydrogen = "isotope_mapped_to_hydrogen"
        /// `·`, `*` or `.` separated adduct units (hydrates such as `CuSO4·5H2O`).
        case adductSeparator = "adduct_separator"
        /// A charge suffix (`Fe2+`, `O2-`) was removed; the charge is kept in `ParsedFormula.charge`.
        case chargeStripped = "charge_stripped"
        /// Dopant notation (`Sr2SiO4:Eu3+`): dopants are listed, not added to the composition.
        case dopantsNotAdded = "dopants_not_added"
        /// A trailing `OY` was read as oxygen with the variable amount `Y` (SuperCon's notation for an
        /// unknown oxygen content), not as oxygen + yttrium.
        case oxygenAmountVariable = "oxygen_amount_variable"
        /// A Unicode minus or dash was read as a minus sign in an amount.
        case unicodeMinus = "unicode_minus"
        /// An amount was written as a fraction (`Zn1/3Nb2/3`) and divided out.
        case fractionNotation = "fraction_notation"
        /// An element placeholder (`R`, `Ln`) was replaced by its bound element.
        case placeholderSubstituted = "placeholder_substituted"
    }

    /// What was tolerated.
    public let code: Code
    /// 1-based character position where it happened.
    public let position: Int
    /// Human-readable detail.
    public let message: String

    /// Creates a warning.
    public init(code: Code, position: Int, message: String) {
        self.code = code
        self.position = position
        self.message = message
    }

    public var description: String { "\(code.rawValue) at character \(position): \(message)" }
}
