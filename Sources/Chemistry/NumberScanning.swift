/// Decimal number reading for the formula scanner: `12`, `0.15`, `.5`, `1e-3`, `2.5E2`.
enum NumberScanning {
    /// Exact powers of ten representable in a Double.
    static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Converts `mantissa × 10^exponent`, correctly rounded when both are small enough for a
    /// single exact division or multiplication, otherwise through the standard library parser.
    static func value(mantissa: UInt64, exponent: Int, digitsText: () -> String) -> Double? {
        if mantissa < (1 << 53) {
            if exponent == 0 { return Double(mantissa) }
            if exponent < 0, -exponent <= 22 { return Double(mantissa) / powersOfTen[-exponent] }
            if exponent > 0, exponent <= 22 { return Double(mantissa) * powersOfTen[exponent] }
        }
        return Double(digitsText())
    }
}
