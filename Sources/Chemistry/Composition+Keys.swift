/// Derived formulas and identity keys of a composition.
extension Composition {
    /// Default relative tolerance for composition identity (recorded with every key).
    public static let defaultKeyTolerance = 1e-6

    /// Entries ordered by Pauling electronegativity (elements without one last), ties by symbol:
    /// the order pymatgen uses for `formula` and `reduced_formula`.
    public var entriesByElectronegativity: [Entry] {
        let electronegativity = ElementColumns.electronegativity
        let rank = ElementColumns.alphabeticalRank
        return entries.sorted { lhs, rhs in
            let left = electronegativity[Int(lhs.z)]
            let right = electronegativity[Int(rhs.z)]
            if left != right { return left < right }
            return rank[Int(lhs.z)] < rank[Int(rhs.z)]
        }
    }

    /// All amounts written in electronegativity order, e.g. `La1.85Sr0.15Cu1O4` → `Sr0.15La1.85CuO4`.
    public var formula: String { written(entriesByElectronegativity, dividedBy: 1) }

    /// Symbols and amounts concatenated in the given order.
    func written(_ ordered: [Entry], dividedBy factor: Double) -> String {
        let symbols = ElementColumns.symbolBytes
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ordered.count * 8)
        for entry in ordered {
            bytes.append(contentsOf: symbols[Int(entry.z)])
            let amount = factor == 1 ? entry.amount : entry.amount / factor
            if !AmountFormatting.append(amount, omittingOne: true, to: &bytes) {
                bytes.append(contentsOf: Array(String(amount).utf8))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The factor the amounts were divided by to get `reducedFormula`: the greatest common
    /// divisor when every amount is an integer (within 1e-8), otherwise 1.
    public var reductionFactor: Double {
        var divisor: Int = 0
        for entry in entries {
            let rounded = entry.amount.rounded()
            guard abs(entry.amount - rounded) <= 1e-8, rounded >= 1, rounded < 1e15 else { return 1 }
            divisor = Self.gcd(divisor, Int(rounded))
        }
        return divisor > 0 ? Double(divisor) : 1
    }

    /// Reduced formula in electronegativity order: integer amounts divided by their gcd
    /// (`Fe4O6` → `Fe2O3`); non-integer compositions are written as given (`La1.85Sr0.15CuO4`).
    public var reducedFormula: String {
        written(entriesByElectronegativity, dividedBy: reductionFactor)
    }

    /// Hill-system formula: C then H then the rest alphabetically; without carbon all alphabetically.
    public var hillFormula: String {
        let hasCarbon = entries.contains { $0.z == 6 }
        let ordered = entries.sorted { lhs, rhs in
            if hasCarbon {
                let leftRank = lhs.z == 6 ? 0 : (lhs.z == 1 ? 1 : 2)
                let rightRank = rhs.z == 6 ? 0 : (rhs.z == 1 ? 1 : 2)
                if leftRank != rightRank { return leftRank < rightRank }
            }
            return lhs.element.symbol < rhs.element.symbol
        }
        return written(ordered, dividedBy: 1)
    }

    /// Chemical system: symbols sorted alphabetically, joined by `-` (`Cu-La-O-Sr`).
    public var chemicalSystem: String {
        let rank = ElementColumns.alphabeticalRank
        return entries.sorted { rank[Int($0.z)] < rank[Int($1.z)] }.map { ElementColumns.symbols[Int($0.z)] }.joined(separator: "-")
    }

    /// Formula prototype: the reduced formula with elements replaced by `A`, `B`, `C`, ... in
    /// electronegativity order (`La2CuO4` → `A2BC4`). Used for chemical-system holdout splits.
    public var formulaPrototype: String {
        let factor = reductionFactor
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 6)
        for (index, entry) in entriesByElectronegativity.enumerated() {
            bytes.append(contentsOf: Self.anonymousLetterBytes(index))
            AmountFormatting.append(entry.amount / factor, omittingOne: true, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// pymatgen-style anonymised formula: reduced amounts sorted ascending, letters assigned in
    /// that order (`La2CuO4` → `AB2C4`).
    public var anonymizedFormula: String {
        let factor = reductionFactor
        let amounts = entries.map { $0.amount / factor }.sorted()
        return amounts.enumerated().map { index, amount in
            Self.anonymousLetter(index) + AmountFormatting.formulaAmount(amount)
        }.joined()
    }

    /// Identity key: fractional weights rounded to `tolerance`, elements alphabetically,
    /// e.g. `As0.4Ba0.08Fe0.4K0.12`. Two compositions with the same key are the same material
    /// composition. Record the tolerance with the key.
    public func canonicalKey(tolerance: Double = Composition.defaultKeyTolerance) -> String {
        let decimals = max(0, Int((-log10Approx(tolerance)).rounded()))
        let total = totalAmount
        let rank = ElementColumns.alphabeticalRank
        let symbols = ElementColumns.symbolBytes
        var key: [UInt8] = []
        key.reserveCapacity(entries.count * 10)
        for entry in entries.sorted(by: { rank[Int($0.z)] < rank[Int($1.z)] }) {
            key.append(contentsOf: symbols[Int(entry.z)])
            AmountFormatting.append(entry.amount / total, decimals: decimals, to: &key)
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// `(symbol, amount)` pairs in alphabetical symbol order (for deterministic serialisation).
    public var alphabeticalAmounts: [(symbol: String, amount: Double)] {
        let rank = ElementColumns.alphabeticalRank
        let symbols = ElementColumns.symbols
        return entries.sorted { rank[Int($0.z)] < rank[Int($1.z)] }.map { (symbols[Int($0.z)], $0.amount) }
    }

    /// True when the fractional weights agree within `tolerance` (absolute, per element).
    public func isApproximatelyEqual(to other: Composition, tolerance: Double = Composition.defaultKeyTolerance) -> Bool {
        guard entries.count == other.entries.count else { return false }
        let total = totalAmount
        let otherTotal = other.totalAmount
        for (lhs, rhs) in zip(entries, other.entries) {
            guard lhs.z == rhs.z, abs(lhs.amount / total - rhs.amount / otherTotal) <= tolerance else { return false }
        }
        return true
    }

    static func anonymousLetter(_ index: Int) -> String {
        String(decoding: anonymousLetterBytes(index), as: UTF8.self)
    }

    /// `A`...`Z`, then `Aa`, `Ab`, ... for the 27th element onwards.
    static func anonymousLetterBytes(_ index: Int) -> [UInt8] {
        if index < 26 { return [UInt8(65 + index)] }
        return [UInt8(65 + (index / 26 - 1) % 26), UInt8(97 + index % 26)]
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }
}

/// log10 without Foundation, exact for powers of ten in the range used for tolerances.
func log10Approx(_ value: Double) -> Double {
    var exponent = 0.0
    var current = value
    while current < 0.999_999 { current *= 10; exponent -= 1 }
    while current > 1.000_001 { current /= 10; exponent += 1 }
    return exponent
}
