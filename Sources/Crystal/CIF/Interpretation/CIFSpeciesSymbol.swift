import Foundation
import Chemistry

/// Reads an element and an optional charge from a CIF type symbol (`Fe`, `Fe2+`, `O2-`, `Fe+3`,
/// `FE`) or, failing that, from a site label (`Fe1`, `O2a`, `Ow3`).
enum CIFSpeciesSymbol {
    /// What a symbol resolved to.
    enum Resolution: Equatable {
        /// An element (deuterium/tritium already mapped to H, flagged by `isotope`).
        case element(Element, charge: Double?, isotope: String?)
        /// A dummy or placeholder atom (`Q`, `X`, `Du`, `Dum`, `Xx`).
        case dummy
        /// Nothing recognisable.
        case unknown
    }

    private static let dummies: Set<String> = ["Q", "X", "Xx", "Du", "Dum", "Dm"]

    /// Resolves a type symbol: leading letters must be an element (longest match first), and the
    /// remainder is either empty, a charge (`2+`, `+3`, `-`, `2.5+`) or, for labels, anything.
    static func resolve(_ raw: String, allowTrailingText: Bool) -> Resolution {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let letters = String(text.prefix { $0.isASCII && $0.isLetter })
        guard !letters.isEmpty else { return .unknown }
        let rest = text.dropFirst(letters.count)
        if dummies.contains(normalise(letters)) { return .dummy }
        for length in stride(from: min(2, letters.count), through: 1, by: -1) {
            guard let found = element(for: normalise(String(letters.prefix(length)))) else { continue }
            if allowTrailingText {
                return .element(found.element, charge: nil, isotope: found.isotope)
            }
            let tail = String(letters.dropFirst(length)) + rest
            guard let charge = parseCharge(Substring(tail)) else { continue }
            return .element(found.element, charge: charge, isotope: found.isotope)
        }
        return .unknown
    }

    private static func normalise(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst().lowercased()
    }

    private static func element(for symbol: String) -> (element: Element, isotope: String?)? {
        if symbol == "D" || symbol == "T" {
            return PeriodicTable.element(symbol: "H").map { ($0, symbol) }
        }
        return PeriodicTable.element(symbol: symbol).map { ($0, nil) }
    }

    /// The charge written after an element symbol: `.some(nil)` for none, `.some(q)` for a
    /// charge such as `2+`, `+3`, `-`, `2.5+`, and `nil` when the tail is not a charge.
    private static func parseCharge(_ tail: Substring) -> Double?? {
        if tail.isEmpty { return .some(nil) }
        var body = tail
        var sign: Double
        if let last = body.last, last == "+" || last == "-" {
            sign = last == "-" ? -1 : 1
            body = body.dropLast()
        } else if let first = body.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        } else {
            return nil
        }
        if body.isEmpty { return .some(sign) }
        guard let magnitude = Double(body), magnitude.isFinite, magnitude >= 0, magnitude < 20 else { return nil }
        sign *= magnitude
        return .some(sign)
    }
}
