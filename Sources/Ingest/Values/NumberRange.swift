/// Range checks for numbers read from text: a decimal literal whose magnitude is beyond a
/// `Double` (`1e400`) overflows to infinity, and one with non-zero digits below the smallest
/// normal `Double` (`17e-9999`) underflows to zero or a subnormal. Both are refused with code
/// `out_of_range` rather than becoming `inf`, or a zero that reads as a measurement
/// (a Tc of 0 means "not superconducting").
public enum NumberRange {
    /// The problem with `number`, parsed from `literal`, or `nil` when it is a normal finite
    /// number (or a true zero written with zero digits).
    public static func problem(_ number: Double, literal: Substring) -> ValueProblem? {
        if number.isNaN {
            return ValueProblem(code: "not_finite", message: "\"\(literal)\" is not a finite number")
        }
        if number.isInfinite {
            if literal.contains(where: { $0 == "i" || $0 == "I" }) {
                return ValueProblem(code: "not_finite", message: "\"\(literal)\" is not a finite number")
            }
            return ValueProblem(code: "out_of_range", message: "\"\(literal)\" is too large to represent (limit about 1.8e308)")
        }
        if abs(number) < Double.leastNormalMagnitude, hasNonZeroDigit(literal) {
            return ValueProblem(code: "out_of_range",
                                message: "\"\(literal)\" is too small to represent (below about 2.2e-308): it would read as 0")
        }
        return nil
    }

    /// The problem with `result`, converted from the in-range `input` (unit conversion), or `nil`.
    static func conversionProblem(_ result: Double, input: Double, text: String) -> ValueProblem? {
        if !result.isFinite {
            return ValueProblem(code: "out_of_range", message: "\"\(text)\" is too large to represent after unit conversion")
        }
        // A scale factor can only reach zero from a tiny input; an offset (°C → K) reaches zero
        // from -273.15, which is legitimate.
        let subnormal = result != 0 && abs(result) < Double.leastNormalMagnitude
        if subnormal || (result == 0 && input != 0 && abs(input) < 1) {
            return ValueProblem(code: "out_of_range", message: "\"\(text)\" is too small to represent after unit conversion: it would read as 0")
        }
        return nil
    }

    /// Whether the mantissa of a decimal literal (the part before any exponent) has a digit 1-9.
    static func hasNonZeroDigit(_ literal: Substring) -> Bool {
        for character in literal {
            if character == "e" || character == "E" { return false }
            if let digit = character.asciiValue, digit >= 49, digit <= 57 { return true }
        }
        return false
    }
}
