/// Canonical Wyckoff letters of a protostructure label (aviary's convention).
///
/// One structure described from another equivalent origin or axis setting gets other letters;
/// the equivalent letterings are the images under `WyckoffTable.relabelings`. Among them the
/// canonical one has the smallest score (the sum over elements of the alphabet positions of
/// their distinct letters, `a` = 1, with `A` scoring 0), ties broken by the smallest string.
public enum WyckoffCanonicalisation {
    /// The occupied positions of one element: how many orbits sit on each letter.
    public typealias ElementWyckoffs = [String: Int]

    /// The canonical `_`-joined Wyckoff string for elements in label order, e.g. `a_2bc`; `nil`
    /// when the space group has no relabelings in the table.
    public static func canonical(_ elements: [ElementWyckoffs], spaceGroup number: Int) -> String? {
        let relabelings = WyckoffTable.relabelings(spaceGroup: number)
        guard !relabelings.isEmpty else { return nil }
        var best: (score: Int, text: String)?
        for map in relabelings {
            let relabelled = elements.map { counts in
                Dictionary(counts.map { (map[$0.key] ?? $0.key, $0.value) }, uniquingKeysWith: +)
            }
            let candidate = (score(relabelled), write(relabelled))
            if let current = best, !isSmaller(candidate, than: current) { continue }
            best = candidate
        }
        return best?.text
    }

    /// Canonicalises a Wyckoff string such as `2a_b_cde` or AFLOW's `a_dg_b_c` (a missing
    /// count is 1); `nil` when it does not parse or the space group has no relabelings.
    public static func canonical(_ text: String, spaceGroup number: Int) -> String? {
        guard let elements = parse(text) else { return nil }
        return canonical(elements, spaceGroup: number)
    }

    /// Reads `2a_bc` into per-element counts; `nil` for anything else.
    public static func parse(_ text: String) -> [ElementWyckoffs]? {
        var elements: [ElementWyckoffs] = []
        for part in text.split(separator: "_", omittingEmptySubsequences: false) {
            var counts: ElementWyckoffs = [:]
            var digits = ""
            for character in part {
                if character.isASCII, character.isNumber {
                    digits.append(character)
                } else if character.isASCII, character.isLetter {
                    let count = digits.isEmpty ? 1 : (Int(digits) ?? 0)
                    guard count > 0 else { return nil }
                    counts[String(character), default: 0] += count
                    digits = ""
                } else {
                    return nil
                }
            }
            guard digits.isEmpty, !counts.isEmpty else { return nil }
            elements.append(counts)
        }
        return elements
    }

    /// Writes per-element counts as `2ab_c`: letters in code-point order (`A` before `a`),
    /// a count of 1 left out.
    public static func write(_ elements: [ElementWyckoffs]) -> String {
        elements.map { counts in
            counts.keys.sorted(by: PrototypeFormula.symbolPrecedes).map { letter in
                let count = counts[letter] ?? 0
                return count == 1 ? letter : String(count) + letter
            }.joined()
        }.joined(separator: "_")
    }

    private static func score(_ elements: [ElementWyckoffs]) -> Int {
        elements.reduce(0) { total, counts in
            total + counts.keys.reduce(0) { sum, letter in
                guard letter != "A", let value = letter.unicodeScalars.first?.value else { return sum }
                return sum + Int(value) - 96
            }
        }
    }

    private static func isSmaller(_ a: (Int, String), than b: (Int, String)) -> Bool {
        a.0 != b.0 ? a.0 < b.0 : PrototypeFormula.symbolPrecedes(a.1, b.1)
    }
}
