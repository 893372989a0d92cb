import Chemistry

/// What `curate formula` prints for one input: the parsed result or the error.
public struct FormulaReport: Sendable, Codable, Equatable {
    /// The parsed formula's derived keys (present when `ok`).
    public struct Parsed: Sendable, Codable, Equatable {
        public var reducedFormula: String?
        public var hillFormula: String?
        public var canonicalKey: String?
        public var keyTolerance: Double?
        public var chemicalSystem: String
        public var formulaPrototype: String?
        public var anonymizedFormula: String?
        public var elementCount: Int
        /// Numeric amounts per element (resolved formulas).
        public var amounts: [String: Double]?
        /// Fractional weights (resolved formulas).
        public var fractions: [String: Double]?
        /// Amounts as written when variables remain (`{"La": "2-x"}`).
        public var symbolicAmounts: [String: String]?
        /// Free variables.
        public var variables: [String]
        public var charge: Int?
        public var isotopes: [String]
        public var dopants: [String]
        public var warnings: [FormulaWarning]
    }

    /// Error details (present when not `ok`).
    public struct Failure: Sendable, Codable, Equatable {
        public var reason: String
        public var position: Int
        public var message: String
    }

    /// The input as given.
    public var input: String
    /// Input line number when read from a file.
    public var line: Int?
    /// True when the formula parsed (it may still have unresolved variables).
    public var ok: Bool
    /// True when every amount is a number.
    public var resolved: Bool
    public var result: Parsed?
    public var error: Failure?

    /// Parses `input` and reports.
    public init(input: String, line: Int? = nil, bindings: FormulaBindings = .none) {
        self.input = input
        self.line = line
        do {
            let parsed = try FormulaParser.parse(input, bindings: bindings)
            ok = true
            resolved = parsed.isResolved
            let composition = parsed.composition
            result = Parsed(
                reducedFormula: composition?.reducedFormula,
                hillFormula: composition?.hillFormula,
                canonicalKey: composition?.canonicalKey(),
                keyTolerance: composition == nil ? nil : Composition.defaultKeyTolerance,
                chemicalSystem: parsed.terms.map(\.element.symbol).sorted().joined(separator: "-"),
                formulaPrototype: composition?.formulaPrototype,
                anonymizedFormula: composition?.anonymizedFormula,
                elementCount: parsed.terms.count,
                amounts: composition?.amounts,
                fractions: composition?.fractions,
                symbolicAmounts: parsed.isResolved ? nil : parsed.symbolicAmounts,
                variables: parsed.variables,
                charge: parsed.charge,
                isotopes: parsed.isotopes.map(\.symbol),
                dopants: parsed.dopants.map(\.text),
                warnings: parsed.warnings)
            error = nil
        } catch {
            ok = false
            resolved = false
            result = nil
            self.error = Failure(reason: error.reason.rawValue, position: error.position, message: error.message)
        }
    }

    /// One human-readable line.
    public var text: String {
        if let error {
            let caret = String(repeating: " ", count: max(0, error.position - 1)) + "^"
            return "\(input)\n\(caret) error: \(error.reason) at character \(error.position): \(error.message)"
        }
        guard let result else { return input }
        if !resolved {
            let amounts = (result.symbolicAmounts ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
            return "\(input)\tunresolved (variables \(result.variables.joined(separator: ", ")))\t\(amounts)"
        }
        var parts = [input, result.reducedFormula ?? "", result.chemicalSystem, result.formulaPrototype ?? ""]
        if !result.warnings.isEmpty { parts.append("warnings: " + result.warnings.map(\.code.rawValue).joined(separator: ", ")) }
        return parts.joined(separator: "\t")
    }
}
