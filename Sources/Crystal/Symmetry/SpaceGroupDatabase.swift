import CSpglib

/// spglib's space-group database: settings by Hall number, symbol lookup and operations.
public enum SpaceGroupDatabase {
    /// All 530 settings, in Hall-number order (read once).
    public static let types: [SpaceGroupType] = (1...530).compactMap { SpaceGroupType(hallNumber: $0) }

    /// The setting with this Hall number (1…530).
    public static func type(hallNumber: Int) -> SpaceGroupType? {
        types.indices.contains(hallNumber - 1) ? types[hallNumber - 1] : nil
    }

    /// The Hall number of a Hall symbol such as `-P 2ac` (whitespace and case ignored).
    public static func hallNumber(hallSymbol: String) -> Int? {
        let wanted = SpaceGroupSymbol.normaliseHall(hallSymbol)
        guard !wanted.isEmpty else { return nil }
        return types.first { SpaceGroupSymbol.normaliseHall($0.hallSymbol) == wanted }?.hallNumber
    }

    /// The Hall number of a Hermann–Mauguin symbol such as `P 1 21/c 1`, `P21/c`, `P 4/n m m Z`,
    /// `Fd-3m:1` or `R -3 m H`.
    ///
    /// Full and setting-specific spellings win over short ones; among equals the first Hall
    /// number (spglib's standard setting) is taken, unless a setting suffix selects another. For
    /// rhombohedral groups without a suffix, `rhombohedralAxes` picks the `R` setting.
    public static func hallNumber(hermannMauguin symbol: String, rhombohedralAxes: Bool = false) -> Int? {
        let parsed = SpaceGroupSymbol.parse(hermannMauguin: symbol)
        guard !parsed.body.isEmpty else { return nil }
        var candidates = types.filter { $0.hermannMauguinSpellings.specific.contains(parsed.body) }
        if candidates.isEmpty {
            candidates = types.filter { $0.hermannMauguinSpellings.short == parsed.body }
        }
        guard let first = candidates.first else { return nil }
        if let setting = parsed.setting {
            return candidates.first { $0.choice.caseInsensitiveCompare(setting) == .orderedSame }?.hallNumber
                ?? (candidates.allSatisfy { $0.choice.isEmpty } ? first.hallNumber : nil)
        }
        if rhombohedralAxes, let r = candidates.first(where: { $0.choice == "R" }) { return r.hallNumber }
        return first.hallNumber
    }

    /// The symmetry operations of a setting, from `spg_get_symmetry_from_database`
    /// (centring translations included; at most 192).
    public static func operations(hallNumber: Int) -> [SymmetryOperation] {
        guard (1...530).contains(hallNumber) else { return [] }
        let zeroRow: (Int32, Int32, Int32) = (0, 0, 0)
        var rotations = [((Int32, Int32, Int32), (Int32, Int32, Int32), (Int32, Int32, Int32))](
            repeating: (zeroRow, zeroRow, zeroRow), count: 192)
        var translations = [(Double, Double, Double)](repeating: (0, 0, 0), count: 192)
        let count = Spglib.locked {
            rotations.withUnsafeMutableBufferPointer { r in
                translations.withUnsafeMutableBufferPointer { t in
                    Int(spg_get_symmetry_from_database(r.baseAddress, t.baseAddress, Int32(hallNumber)))
                }
            }
        }
        return (0..<min(max(count, 0), 192)).map { i in
            let r = rotations[i]
            let rows = [r.0, r.1, r.2].map { Vector3(Double($0.0), Double($0.1), Double($0.2)) }
            let t = Vector3(translations[i].0, translations[i].1, translations[i].2)
            return SymmetryOperation(rotation: Matrix3(rows[0], rows[1], rows[2]), translation: t)
        }
    }
}
