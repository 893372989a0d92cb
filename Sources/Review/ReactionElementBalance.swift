/// Rule checks on a recorded reaction's elements, independent of any model (SCIENCE.md §4's
/// failure modes: a target element no precursor supplies, or a precursor element that leaves no
/// trace in the target).
///
/// - `target_element_unsupplied`: an element of the target is in no precursor. O, N and H are
///   exempt (the atmosphere or an ammonia flow can supply them). A mis-read symbol
///   (`LaMnO3` recorded as `LaCrO3`) or another reaction's target lands here.
/// - `precursor_element_lost`: an element of a precursor is not in the target. Elements that
///   leave as gases or volatile salts (H, C, N, O, S, F, Cl, Br, I) are exempt. A target cut short
///   at a dot the parser missed (`La0.6Ca0.15·0.05Ba0.2MnO3` kept as `La0.6Ca0.15`) lands here.
///
/// A flux or mineraliser that stays out of the product also trips the second rule, so its
/// findings are for review, not automatic exclusion.
public enum ReactionElementBalance {
    /// Rule names, as written in findings.
    public static let unsuppliedRule = "target_element_unsupplied"
    public static let lostRule = "precursor_element_lost"

    /// Target elements the surroundings can supply.
    public static let suppliedBySurroundings: Set<String> = ["O", "N", "H"]
    /// Precursor elements that can leave as gases or volatile salts.
    public static let volatile: Set<String> = ["H", "C", "N", "O", "S", "F", "Cl", "Br", "I"]

    /// One violated rule and the elements that violate it (sorted).
    public struct Finding: Sendable, Equatable, Codable {
        public var rule: String
        public var elements: [String]
    }

    /// The findings for a target's elements and its precursors' elements (empty when balanced).
    public static func check(targetElements: Set<String>, precursorElements: [Set<String>]) -> [Finding] {
        let supplied = precursorElements.reduce(into: Set<String>()) { $0.formUnion($1) }
        var findings: [Finding] = []
        let unsupplied = targetElements.subtracting(supplied).subtracting(suppliedBySurroundings)
        if !unsupplied.isEmpty { findings.append(Finding(rule: unsuppliedRule, elements: unsupplied.sorted())) }
        let lost = supplied.subtracting(targetElements).subtracting(volatile)
        if !lost.isEmpty { findings.append(Finding(rule: lostRule, elements: lost.sorted())) }
        return findings
    }

    /// The element symbols of a canonical key or formula (`C0.166667Na0.333333O0.5` → C, Na, O).
    public static func elements(of key: String) -> Set<String> {
        var symbols = Set<String>()
        var current = ""
        for character in key {
            if character.isUppercase, character.isASCII {
                if !current.isEmpty { symbols.insert(current) }
                current = String(character)
            } else if character.isLowercase, character.isASCII, !current.isEmpty {
                current.append(character)
            } else if !current.isEmpty {
                symbols.insert(current)
                current = ""
            }
        }
        if !current.isEmpty { symbols.insert(current) }
        return symbols
    }
}
