import CSpglib

/// One of spglib's 530 space-group settings (Hall numbers 1…530).
public struct SpaceGroupType: Sendable, Hashable {
    /// Hall number (1…530).
    public let hallNumber: Int
    /// Space-group number (1…230).
    public let number: Int
    /// Short symbol, e.g. `P2_1/c`.
    public let internationalShort: String
    /// Full symbol, e.g. `P 1 2_1/c 1`.
    public let internationalFull: String
    /// The setting's symbol as spglib writes it, e.g. `P 2_1/c = P 1 2_1/c 1` or `F d -3 m`.
    public let international: String
    /// Hall symbol, e.g. `-P 2ybc`.
    public let hallSymbol: String
    /// Setting choice: origin (`1`, `2`), axes (`H`, `R`), unique axis and cell (`b1`, `c2`, …),
    /// orthorhombic axis permutation (`cab`, `-cba`, …) or empty.
    public let choice: String
    /// Schoenflies symbol.
    public let schoenflies: String

    /// Reads `spg_get_spacegroup_type(hallNumber)`; `nil` outside 1…530.
    init?(hallNumber: Int) {
        guard (1...530).contains(hallNumber) else { return nil }
        let t = Spglib.locked { spg_get_spacegroup_type(Int32(hallNumber)) }
        guard t.number > 0 else { return nil }
        self.hallNumber = hallNumber
        number = Int(t.number)
        internationalShort = Spglib.string(t.international_short)
        internationalFull = Spglib.string(t.international_full)
        international = Spglib.string(t.international)
        hallSymbol = Spglib.string(t.hall_symbol)
        choice = Spglib.string(t.choice)
        schoenflies = Spglib.string(t.schoenflies)
    }

    /// The Hermann–Mauguin spellings this setting answers to: full, the parts of `international`
    /// on either side of `=`, and (weakest) the short symbol.
    var hermannMauguinSpellings: (specific: Set<String>, short: String) {
        var specific: Set<String> = [SpaceGroupSymbol.normalise(internationalFull)]
        for part in international.split(separator: "=") {
            specific.insert(SpaceGroupSymbol.normalise(String(part)))
        }
        return (specific, SpaceGroupSymbol.normalise(internationalShort))
    }
}
