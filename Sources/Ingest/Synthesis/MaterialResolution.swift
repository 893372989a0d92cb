import Chemistry

/// A synthesis material read by Chemistry's formula parser: each composition part parsed with
/// the reaction's element substitution, and one concrete composition per combination of the
/// variable values the paper gives (or the amounts kept symbolic when it gives none).
struct MaterialResolution: Sendable {
    /// One concrete composition and the variable values that produced it.
    struct Variant: Sendable {
        let bindings: [String: Double]
        let composition: Composition
    }

    /// Why a material could not be read.
    struct Failure: Error, Sendable {
        /// Index of the composition part, or `nil` for the material as a whole.
        let part: Int?
        let formula: String
        let error: FormulaError
    }

    /// Most variable combinations expanded for one material.
    static let maximumVariants = 64

    /// Parsed parts with their amount text.
    let parts: [(amount: String, parsed: ParsedFormula)]
    /// Every element named by the material (including those with symbolic amounts).
    let elements: Set<String>
    /// Variables left without values (amounts stay symbolic).
    let unresolvedVariables: [String]
    /// One composition per variable combination; empty when variables stay unresolved.
    let variants: [Variant]
    /// Element → amount text, summed over parts, for symbolic materials (`["Mg": "1-x"]`).
    let symbolicAmounts: [String: String]

    /// Reads `material` with `placeholders` (`M → Ca`) and fallback variable values `defaults`.
    init(_ material: SynthesisMaterial, placeholders: [String: String], defaults: [String: Double] = [:]) throws(Failure) {
        var sources = material.composition.map { ($0.amount, $0.formula) }
        if sources.isEmpty || sources.allSatisfy({ $0.1.isEmpty }) { sources = [("1", material.materialFormula)] }
        let bindings = FormulaBindings(variables: [:], placeholders: placeholders)
        var parts: [(amount: String, parsed: ParsedFormula)] = []
        for (index, (amount, formula)) in sources.enumerated() {
            do {
                parts.append((amount, try FormulaParser.parse(formula, bindings: bindings)))
            } catch {
                throw Failure(part: sources.count > 1 ? index : nil, formula: formula, error: error)
            }
        }
        self.parts = parts
        elements = Set(parts.flatMap { $0.parsed.terms.map(\.element.symbol) })

        var variableNames = Set(parts.flatMap(\.parsed.variables))
        for part in parts { variableNames.formUnion(AmountExpression.variables(in: part.amount)) }
        var choices: [(String, [Double])] = []
        var unresolved: [String] = []
        for name in variableNames.sorted() {
            let values = material.amountsVars[name]?.expansion ?? []
            if !values.isEmpty { choices.append((name, values)) }
            else if let fallback = defaults[name] { choices.append((name, [fallback])) }
            else { unresolved.append(name) }
        }
        unresolvedVariables = unresolved
        var symbolic: [String: String] = [:]
        for part in parts {
            for (symbol, text) in part.parsed.symbolicAmounts {
                let scaled = part.amount == "1" || part.amount == "1.0" ? text : "(\(part.amount))*(\(text))"
                symbolic[symbol] = symbolic[symbol].map { "\($0)+\(scaled)" } ?? scaled
            }
        }
        symbolicAmounts = symbolic
        guard unresolved.isEmpty else {
            variants = []
            return
        }
        var combinations: [[String: Double]] = [[:]]
        for (name, values) in choices {
            combinations = combinations.flatMap { base in values.map { base.merging([name: $0]) { _, new in new } } }
            if combinations.count > Self.maximumVariants { combinations = Array(combinations.prefix(Self.maximumVariants)) }
        }
        var variants: [Variant] = []
        for combination in combinations {
            if let composition = Self.composition(parts, combination) {
                variants.append(Variant(bindings: combination, composition: composition))
            }
        }
        self.variants = variants
    }

    /// Σ part amount × part composition with `values` bound, or `nil` when an amount is not
    /// positive or cannot be evaluated.
    static func composition(_ parts: [(amount: String, parsed: ParsedFormula)], _ values: [String: Double]) -> Composition? {
        var totals: [String: Double] = [:]
        for part in parts {
            guard let factor = AmountExpression.evaluate(part.amount, variables: values), factor > 0 else { return nil }
            for term in part.parsed.terms {
                guard let amount = term.amount.evaluate(values) else { return nil }
                totals[term.element.symbol, default: 0] += factor * amount
            }
        }
        totals = totals.filter { $0.value > 1e-9 }
        guard !totals.isEmpty, totals.values.allSatisfy({ $0.isFinite }) else { return nil }
        return try? Composition(symbolAmounts: totals)
    }
}
