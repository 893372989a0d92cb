/// Deterministic, locale-free formatting of element amounts.
public enum AmountFormatting {
    /// Formats `value` with at most `decimals` decimal places, trailing zeros removed
    /// (`2.0` → `"2"`, `0.150000` → `"0.15"`). Rounds half away from zero.
    public static func format(_ value: Double, decimals: Int = 6) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        guard append(value, decimals: decimals, to: &bytes) else { return String(value) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the `format(_:decimals:)` text of `value` to `bytes`; returns false (appending
    /// nothing) for values it cannot write exactly this way (non-finite or huge).
    @discardableResult
    public static func append(_ value: Double, decimals: Int = 6, omittingOne: Bool = false, to bytes: inout [UInt8]) -> Bool {
        guard value.isFinite, decimals >= 0, decimals < powers.count else { return false }
        let divisor = powers[decimals]
        let scaled = (abs(value) * Double(divisor)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return false }
        let units = UInt64(scaled)
        if omittingOne, units == divisor { return true }
        if value < 0, units != 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(units / divisor, to: &bytes)
        var fraction = units % divisor
        if fraction != 0 {
            var digits = decimals
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            bytes.append(UInt8(ascii: "."))
            var scratch: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48, 48)
            withUnsafeMutableBytes(of: &scratch) { buffer in
                var position = digits - 1
                while position >= 0 {
                    buffer[position] = UInt8(48 + fraction % 10)
                    fraction /= 10
                    position -= 1
                }
                bytes.append(contentsOf: buffer[0..<digits])
            }
        }
        return true
    }

    private static let powers: [UInt64] = (0...18).map { exponent in
        var value: UInt64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    private static func appendDigits(_ value: UInt64, to bytes: inout [UInt8]) {
        if value < 10 {
            bytes.append(UInt8(48 + value))
            return
        }
        let start = bytes.count
        var remaining = value
        while remaining > 0 {
            bytes.append(UInt8(48 + remaining % 10))
            remaining /= 10
        }
        bytes[start...].reverse()
    }

    /// Formats an amount for a formula: `1` is omitted (`Fe` not `Fe1`).
    public static func formulaAmount(_ value: Double, decimals: Int = 6) -> String {
        let text = format(value, decimals: decimals)
        return text == "1" ? "" : text
    }

}
