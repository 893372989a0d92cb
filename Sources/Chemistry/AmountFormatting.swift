/// Deterministic, locale-free formatting of element amounts.
public enum AmountFormatting {
    /// Formats `value` with at most `decimals` decimal places, trailing zeros removed
    /// (`2.0` → `"2"`, `0.150000` → `"0.15"`). Rounds half away from zero.
    public static func format(_ value: Double, decimals: Int = 6) -> String {
        guard value.isFinite else { return String(value) }
        let negative = value < 0
        let scale = pow10(decimals)
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return String(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = units / divisor
        var fraction = units % divisor
        var text = negative && units != 0 ? "-" : ""
        text += String(whole)
        if fraction != 0 {
            var digits = decimals
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }

    /// Formats an amount for a formula: `1` is omitted (`Fe` not `Fe1`).
    public static func formulaAmount(_ value: Double, decimals: Int = 6) -> String {
        let text = format(value, decimals: decimals)
        return text == "1" ? "" : text
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }
}
