import Chemistry

/// pymatgen's space-separated formula style, as written by `Composition.formula` and used by
/// the WBM tables: `Al2 C2 Nb2 O2`, `C1 Fe1`, `Li0.5 Fe1 O2`. Each token is an element symbol
/// and an optional amount; tokens are separated by single spaces.
enum SpacedFormula {
    /// The composition of `text`; nil when the text is not in this style (no space, or a token
    /// that is not `Symbol[amount]`), so the general grammar can take it; a failure when a token
    /// has the shape but names no element or has an unusable amount.
    static func parse(_ text: String) -> Result<Composition, FormulaInterpretation.Rejected>? {
        guard text.contains(" ") else { return nil }
        var amounts: [(Element, Double)] = []
        var offset = 1
        for token in text.split(separator: " ", omittingEmptySubsequences: false) {
            defer { offset += token.count + 1 }
            let letters = token.prefix { $0.isLetter }
            let number = token.dropFirst(letters.count)
            guard let first = letters.first, first.isUppercase, letters.count <= 3,
                  letters.dropFirst().allSatisfy(\.isLowercase),
                  number.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
            guard let element = PeriodicTable.element(symbol: String(letters)) else {
                return .failure(FormulaInterpretation.Rejected(
                    code: "formula.unknown_element", message: "unknown element \"\(letters)\" in \"\(text)\"", position: offset))
            }
            guard let amount = number.isEmpty ? 1 : Double(number), amount.isFinite else {
                return .failure(FormulaInterpretation.Rejected(
                    code: "formula.invalid_number", message: "amount \"\(number)\" of \(letters) is not a number in \"\(text)\"",
                    position: offset + letters.count))
            }
            guard amount > 0 else {
                return .failure(FormulaInterpretation.Rejected(
                    code: "formula.zero_amount", message: "amount of \(letters) is zero in \"\(text)\"", position: offset + letters.count))
            }
            amounts.append((element, amount))
        }
        do {
            return .success(try Composition(amounts))
        } catch {
            return .failure(FormulaInterpretation.Rejected(code: "formula.empty_formula", message: "\(error) in \"\(text)\"", position: nil))
        }
    }
}
