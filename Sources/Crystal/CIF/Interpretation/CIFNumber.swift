/// A number read from CIF text with its standard uncertainty, e.g. `3.7565(1)` → 3.7565 ± 0.0001.
public struct CIFNumber: Sendable, Hashable {
    /// The value.
    public let value: Double
    /// The standard uncertainty in the same units, when written in parentheses.
    public let standardUncertainty: Double?

    /// Creates a number.
    public init(value: Double, standardUncertainty: Double? = nil) {
        self.value = value
        self.standardUncertainty = standardUncertainty
    }

    /// Parses CIF numeric text: optional sign, digits with an optional decimal point (`1.`, `.5`),
    /// an optional exponent, an optional standard uncertainty in parentheses after the mantissa
    /// (`3.7565(1)`, `1.2(3)e-2`), or a fraction `p/q` (`1/3`). Returns `nil` for anything else,
    /// including NaN and infinities.
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count < 64 else { return nil }
        if let slash = bytes.firstIndex(of: UInt8(ascii: "/")) {
            guard let p = Self.plain(bytes[..<slash]), let q = Self.plain(bytes[(slash + 1)...]),
                  q != 0 else { return nil }
            self.init(value: p / q)
            return
        }
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")) else {
            guard let value = Self.plain(bytes[...]) else { return nil }
            self.init(value: value)
            return
        }
        guard let close = bytes[open...].firstIndex(of: UInt8(ascii: ")")), close > open + 1 else { return nil }
        let mantissa = bytes[..<open]
        let digits = bytes[(open + 1)..<close]
        let exponentPart = bytes[(close + 1)...]
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), digits.count <= 9,
              let su = Int(String(decoding: digits, as: UTF8.self)),
              exponentPart.isEmpty || [UInt8(ascii: "e"), UInt8(ascii: "E")].contains(exponentPart.first ?? 0)
        else { return nil }
        // The uncertainty must follow a digit: `0.(28510)` is not a number.
        guard let last = mantissa.last, last >= 0x30, last <= 0x39, let base = Self.plain(mantissa) else { return nil }
        var exponent = 0
        if !exponentPart.isEmpty {
            guard let e = Int(String(decoding: exponentPart.dropFirst(), as: UTF8.self)), e.magnitude < 300 else { return nil }
            exponent = e
        }
        // The uncertainty applies to the last decimal place of the mantissa.
        var decimals = 0
        if let dot = mantissa.firstIndex(of: UInt8(ascii: ".")) {
            decimals = mantissa.distance(from: dot, to: mantissa.endIndex) - 1
        }
        let scale = Self.power10(exponent - decimals)
        let value = base * Self.power10(exponent)
        guard value.isFinite else { return nil }
        self.init(value: value, standardUncertainty: Double(su) * scale)
    }

    private static func power10(_ n: Int) -> Double {
        var result = 1.0
        if n >= 0 { for _ in 0..<n { result *= 10 } } else { for _ in 0..<(-n) { result /= 10 } }
        return result
    }

    /// Strict decimal: sign, digits, optional point, optional exponent; at least one digit.
    private static func plain(_ bytes: ArraySlice<UInt8>) -> Double? {
        var sawDigit = false
        var index = bytes.startIndex
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        var sawDot = false
        while index < bytes.endIndex {
            let b = bytes[index]
            if b >= 0x30, b <= 0x39 { sawDigit = true } else if b == UInt8(ascii: "."), !sawDot { sawDot = true } else { break }
            index += 1
        }
        guard sawDigit else { return nil }
        if index < bytes.endIndex {
            guard bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") else { return nil }
            index += 1
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.endIndex else { return nil }
            while index < bytes.endIndex {
                guard bytes[index] >= 0x30, bytes[index] <= 0x39 else { return nil }
                index += 1
            }
        }
        guard let value = Double(String(decoding: bytes, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }
}
