/// One material of a text-mined reaction (a target or a precursor), as the text-mining
/// group's material parser wrote it. Both the 2019 and the 2020 schema decode into this.
public struct SynthesisMaterial: Sendable, Hashable, Codable {
    /// One part of the material's composition; a mixture (`0.9BaTiO3-0.1SrTiO3`) has several.
    public struct Part: Sendable, Hashable, Codable {
        /// Formula of the part, e.g. `BaTiO3`; may contain placeholders and variables.
        public var formula: String
        /// Amount of the part, possibly symbolic (`1`, `0.5`, `1-x`).
        public var amount: String
        /// Element → amount text as the source gives it.
        public var elements: [String: String]

        enum CodingKeys: String, CodingKey { case formula, amount, elements }

        public init(formula: String, amount: String, elements: [String: String]) {
            self.formula = formula
            self.amount = amount
            self.elements = elements
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            formula = try container.lenientString(.formula) ?? ""
            amount = try container.lenientString(.amount) ?? "1"
            elements = (try? container.decode([String: String].self, forKey: .elements)) ?? [:]
        }
    }

    /// The values a variable takes in the paper (`x = 0.1, 0.2`, or a range).
    public struct VariableValues: Sendable, Hashable, Codable {
        /// Values listed in the paper.
        public var values: [Double]
        /// Lower end of a range, when given.
        public var minValue: Double?
        /// Upper end of a range, when given.
        public var maxValue: Double?

        enum CodingKeys: String, CodingKey {
            case values, minValue = "min_value", maxValue = "max_value"
        }

        public init(values: [Double], minValue: Double? = nil, maxValue: Double? = nil) {
            self.values = values
            self.minValue = minValue
            self.maxValue = maxValue
        }

        public init(from decoder: any Decoder) throws {
            // 2019 writes `{values, min_value, max_value}`; some releases write a bare list.
            if let list = try? decoder.singleValueContainer().decode([Double?].self) {
                self.init(values: list.compactMap { $0 })
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(values: ((try? container.decode([Double?].self, forKey: .values)) ?? []).compactMap { $0 },
                      minValue: try container.lenientDouble(.minValue), maxValue: try container.lenientDouble(.maxValue))
        }

        /// The values to expand: the listed ones, else the range ends, else none (symbolic).
        public var expansion: [Double] {
            if !values.isEmpty {
                var seen: Set<Double> = []
                return values.filter { seen.insert($0).inserted } // the source repeats values (`[0.2, 0.2]`)
            }
            var ends: [Double] = []
            if let minValue { ends.append(minValue) }
            if let maxValue, maxValue != minValue { ends.append(maxValue) }
            return ends
        }
    }

    /// Oxygen non-stoichiometry: 2019 writes `true`, 2020 writes `"-"` (deficient) or `"+"` (excess).
    public enum OxygenDeficiency: String, Sendable, Hashable, Codable {
        case deficient, excess, unspecified
    }

    /// The text as written in the paper.
    public var materialString: String
    /// Chemical name, 2020 schema (`manganese (II) nitrate`).
    public var materialName: String?
    /// The formula the parser extracted.
    public var materialFormula: String
    /// Crystal phase, 2020 schema (`α`, `anatase`).
    public var phase: String?
    /// Whether the material was written as an acronym (2020 schema: `is_acronym`).
    public var isAcronym: Bool?
    /// Composition parts.
    public var composition: [Part]
    /// Variable → values.
    public var amountsVars: [String: VariableValues]
    /// Placeholder → candidate elements (`R: [Pr, Nd]`).
    public var elementsVars: [String: [String]]
    /// Dopants and additives (`Eu`, `2 mol% Mn`).
    public var additives: [String]
    /// Oxygen deficiency marker.
    public var oxygenDeficiency: OxygenDeficiency?
    /// Materials Project id the group matched (2019 schema).
    public var mpId: String?

    enum CodingKeys: String, CodingKey {
        case materialString = "material_string", materialName = "material_name", materialFormula = "material_formula"
        case phase, isAcronym = "is_acronym", isAbbreviationLike = "is_abbreviation_like", composition
        case amountsVars = "amounts_vars", elementsVars = "elements_vars", additives
        case oxygenDeficiency = "oxygen_deficiency", mpId = "mp_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        materialString = try container.lenientString(.materialString) ?? ""
        materialName = try container.lenientString(.materialName)
        materialFormula = try container.lenientString(.materialFormula) ?? ""
        phase = try container.lenientString(.phase)
        isAcronym = (try? container.decodeIfPresent(Bool.self, forKey: .isAcronym))
            ?? (try? container.decodeIfPresent(Bool.self, forKey: .isAbbreviationLike)) ?? nil
        composition = try container.lenientList(Part.self, .composition)
        amountsVars = (try? container.decodeIfPresent([String: VariableValues].self, forKey: .amountsVars)) ?? [:]
        let placeholders = (try? container.decodeIfPresent([String: [String?]].self, forKey: .elementsVars)) ?? [:]
        elementsVars = placeholders.mapValues { $0.compactMap { $0 } }
        additives = try container.lenientStrings(.additives)
        if let flag = try? container.decodeIfPresent(Bool.self, forKey: .oxygenDeficiency) {
            oxygenDeficiency = flag ? .deficient : nil
        } else if let mark = try? container.decodeIfPresent(String.self, forKey: .oxygenDeficiency) {
            switch mark {
            case "-": oxygenDeficiency = .deficient
            case "+": oxygenDeficiency = .excess
            case "": oxygenDeficiency = nil
            default: oxygenDeficiency = .unspecified
            }
        } else {
            oxygenDeficiency = nil
        }
        mpId = try container.lenientString(.mpId)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(materialString, forKey: .materialString)
        try container.encodeIfPresent(materialName, forKey: .materialName)
        try container.encode(materialFormula, forKey: .materialFormula)
        try container.encodeIfPresent(phase, forKey: .phase)
        try container.encodeIfPresent(isAcronym, forKey: .isAcronym)
        try container.encode(composition, forKey: .composition)
        if !amountsVars.isEmpty { try container.encode(amountsVars, forKey: .amountsVars) }
        if !elementsVars.isEmpty { try container.encode(elementsVars, forKey: .elementsVars) }
        if !additives.isEmpty { try container.encode(additives, forKey: .additives) }
        try container.encodeIfPresent(oxygenDeficiency, forKey: .oxygenDeficiency)
        try container.encodeIfPresent(mpId, forKey: .mpId)
    }
}
