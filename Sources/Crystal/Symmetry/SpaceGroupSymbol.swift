import Foundation

/// Normalisation of space-group symbols as written in CIFs, for lookup in spglib's database.
enum SpaceGroupSymbol {
    /// A Hermann–Mauguin symbol split into its body and a setting suffix.
    struct Parsed: Equatable {
        /// Normalised body (no spaces or `_`, upper case), e.g. `P4/NMM`.
        let body: String
        /// spglib's choice string the suffix stands for (`1`, `2`, `H`, `R`, `b1`, …), if any.
        let setting: String?
    }

    /// Removes whitespace and `_` and upper-cases: `P 4_2/n m c` → `P42/NMC`.
    static func normalise(_ symbol: String) -> String {
        String(symbol.filter { !$0.isWhitespace && $0 != "_" }).uppercased()
    }

    /// Splits off a setting: `:1`, `:2`, `:H`, `:R`, `:b1` (anything after `:`), or a trailing
    /// separate word `Z` (origin choice 2), `S` (origin choice 1), `H` or `R` (axes), as in ICSD's
    /// `P 4/n m m Z`. Quotes and a trailing `(No. n)` style remark are not part of the symbol.
    static func parse(hermannMauguin raw: String) -> Parsed {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let open = text.firstIndex(of: "(") { text = String(text[..<open]).trimmingCharacters(in: .whitespaces) }
        if let colon = text.firstIndex(of: ":") {
            let suffix = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return Parsed(body: normalise(String(text[..<colon])), setting: setting(for: suffix))
        }
        let words = text.split(whereSeparator: \.isWhitespace)
        if words.count > 1, let last = words.last, ["Z", "S", "H", "R"].contains(last.uppercased()) {
            return Parsed(body: normalise(words.dropLast().joined(separator: " ")), setting: setting(for: String(last)))
        }
        return Parsed(body: normalise(text), setting: nil)
    }

    /// Maps a written suffix to spglib's choice string.
    private static func setting(for suffix: String) -> String? {
        switch suffix.uppercased() {
        case "": nil
        case "Z", "2": "2"
        case "S", "1": "1"
        case "H": "H"
        case "R": "R"
        default: suffix
        }
    }

    /// A Hall symbol compared case-insensitively with runs of whitespace collapsed.
    static func normaliseHall(_ symbol: String) -> String {
        symbol.split(whereSeparator: \.isWhitespace).joined(separator: " ").uppercased()
    }
}
