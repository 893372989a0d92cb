import Chemistry

/// Whether two compositions of the same record agree: the same elements with the same amounts
/// (relative tolerance 1e-6), or at least the same reduced composition.
enum CompositionAgreement {
    /// Relative tolerance on amounts.
    static let tolerance = 1e-6

    /// The same elements with the same amounts.
    static func same(_ a: Composition, _ b: Composition) -> Bool {
        guard a.entries.count == b.entries.count else { return false }
        return zip(a.entries, b.entries).allSatisfy { x, y in
            x.z == y.z && abs(x.amount - y.amount) <= tolerance * max(1, x.amount, y.amount)
        }
    }

    /// The same atomic fractions.
    static func sameReduced(_ a: Composition, _ b: Composition) -> Bool {
        same(a.fractional, b.fractional)
    }

    /// How `structure` differs from `stated`, for a quarantine message.
    static func describe(stated: Composition, structure: Composition) -> String {
        let relation = sameReduced(stated, structure) ? "the same reduced formula but different amounts" : "a different reduced formula"
        return "the structure's composition \(structure.formula) disagrees with the stated composition \(stated.formula) (\(relation))"
    }
}
