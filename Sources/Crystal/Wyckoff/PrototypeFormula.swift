/// The anonymous formula of AFLOW prototype labels: elements in alphabetical order of their
/// symbols become `A`, `B`, `C`, …; the amounts are divided by their greatest common divisor
/// and an amount of 1 is left out (`Ca Ti O3` → `AB3C`, since Ca < O < Ti).
public enum PrototypeFormula {
    /// The formula for integer amounts per element symbol (non-positive amounts are ignored;
    /// at most 26 elements are written).
    public static func make(amounts: [String: Int]) -> String {
        let present = amounts.filter { $0.value > 0 }
        let divisor = present.values.reduce(0) { greatestCommonDivisor($0, $1) }
        guard divisor > 0 else { return "" }
        let letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".map(String.init)
        return zip(letters, sortedSymbols(present.keys)).map { letter, symbol in
            let amount = (present[symbol] ?? 0) / divisor
            return amount == 1 ? letter : letter + String(amount)
        }.joined()
    }

    /// Element symbols in code-point order (`B` < `Ba` < `Be` < `C`), as the labels use.
    public static func sortedSymbols<S: Sequence>(_ symbols: S) -> [String] where S.Element == String {
        symbols.sorted(by: symbolPrecedes)
    }

    /// Code-point order of two strings (Python's `str` order).
    public static func symbolPrecedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.map(\.value).lexicographicallyPrecedes(b.unicodeScalars.map(\.value))
    }
}
