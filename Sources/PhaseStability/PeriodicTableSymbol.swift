import Chemistry

/// Element symbols for error messages.
enum PeriodicTableSymbol {
    /// The symbol of atomic number `z`, or `Z<z>` when out of range.
    static func symbol(_ z: Int) -> String { PeriodicTable.element(z: z)?.symbol ?? "Z\(z)" }
}
