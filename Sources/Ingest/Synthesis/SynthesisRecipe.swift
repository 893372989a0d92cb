/// The structured reaction stored as an observation's `metadata_json`: what the source said
/// (material strings, amounts, tokens, original units) next to what curate made of it
/// (compositions per variable combination, conditions in K and h, atmosphere vocabulary,
/// element balance).
public struct SynthesisRecipe: Sendable, Codable {
    /// A material with its compositions.
    public struct Material: Sendable, Codable {
        /// One concrete composition and the variable values behind it.
        public struct Variant: Sendable, Codable {
            public var bindings: [String: Double]
            public var composition: [String: Double]
        }

        public var materialString: String
        public var name: String?
        public var formula: String
        public var phase: String?
        public var isAcronym: Bool?
        /// Composition parts as the source lists them (mixtures keep several).
        public var parts: [SynthesisMaterial.Part]
        /// One composition per combination of variable values.
        public var variants: [Variant]
        /// Element → amount text, when variables stay unresolved.
        public var symbolic: [String: String]?
        public var unresolvedVariables: [String]?
        public var amountsVars: [String: SynthesisMaterial.VariableValues]?
        public var elementsVars: [String: [String]]?
        public var additives: [String]?
        public var oxygenDeficiency: SynthesisMaterial.OxygenDeficiency?

        enum CodingKeys: String, CodingKey {
            case materialString = "material_string", name, formula, phase, isAcronym = "is_acronym", parts, variants, symbolic
            case unresolvedVariables = "unresolved_variables", amountsVars = "amounts_vars", elementsVars = "elements_vars"
            case additives, oxygenDeficiency = "oxygen_deficiency"
        }

        init(_ source: SynthesisMaterial, _ resolution: MaterialResolution) {
            materialString = source.materialString
            name = source.materialName
            formula = source.materialFormula
            phase = source.phase
            isAcronym = source.isAcronym
            parts = source.composition
            variants = resolution.variants.map { Variant(bindings: $0.bindings, composition: $0.composition.fractions.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: $0.composition.alphabeticalAmounts.map { ($0.symbol, $0.amount) })) }
            symbolic = resolution.unresolvedVariables.isEmpty ? nil : resolution.symbolicAmounts
            unresolvedVariables = resolution.unresolvedVariables.isEmpty ? nil : resolution.unresolvedVariables
            amountsVars = source.amountsVars.isEmpty ? nil : source.amountsVars
            elementsVars = source.elementsVars.isEmpty ? nil : source.elementsVars
            additives = source.additives.isEmpty ? nil : source.additives
            oxygenDeficiency = source.oxygenDeficiency
        }
    }

    /// An operation with normalised conditions.
    public struct Operation: Sendable, Codable {
        public var type: String
        public var token: String
        public var temperaturesK: [ConditionNormalisation.Normalised]?
        public var timesH: [ConditionNormalisation.Normalised]?
        public var atmospheres: [ConditionNormalisation.Atmosphere]?
        public var mixingDevice: [String]?
        public var mixingMedia: [String]?
        /// Quantities whose unit is unknown, kept as written (`"12 fortnights"`).
        public var unconverted: [String]?

        enum CodingKeys: String, CodingKey {
            case type, token, temperaturesK = "temperature_K", timesH = "time_h", atmospheres = "atmosphere"
            case mixingDevice = "mixing_device", mixingMedia = "mixing_media", unconverted
        }

        init(_ source: SynthesisOperation) {
            type = source.type
            token = source.token
            let conditions = source.conditions
            var unconverted: [String] = []
            func convert(_ quantities: [SynthesisOperation.Quantity], _ function: (Double, String) -> Double?) -> [ConditionNormalisation.Normalised]? {
                guard !quantities.isEmpty else { return nil }
                var result: [ConditionNormalisation.Normalised] = []
                for quantity in quantities {
                    if let normalised = ConditionNormalisation.normalise(quantity, with: function) { result.append(normalised) }
                    else { unconverted.append("\(quantity.values) \(quantity.units)") }
                }
                return result.isEmpty ? nil : result
            }
            temperaturesK = convert(conditions.heatingTemperature, ConditionNormalisation.kelvin)
            timesH = convert(conditions.heatingTime, ConditionNormalisation.hours)
            atmospheres = conditions.heatingAtmosphere.isEmpty ? nil : conditions.heatingAtmosphere.map(ConditionNormalisation.atmosphere)
            mixingDevice = conditions.mixingDevice.isEmpty ? nil : conditions.mixingDevice
            mixingMedia = conditions.mixingMedia.isEmpty ? nil : conditions.mixingMedia
            self.unconverted = unconverted.isEmpty ? nil : unconverted
        }
    }

    /// Longest paragraph excerpt kept, in characters.
    public static let excerptLength = 600

    public var doi: String
    public var paragraphExcerpt: String
    public var reactionString: String
    public var synthesisType: String?
    public var elementSubstitution: [String: String]?
    public var target: Material
    public var precursors: [Material]
    public var operations: [Operation]
    public var balance: ReactionBalance

    enum CodingKeys: String, CodingKey {
        case doi, paragraphExcerpt = "paragraph_excerpt", reactionString = "reaction_string", synthesisType = "synthesis_type"
        case elementSubstitution = "element_substitution", target, precursors, operations, balance
    }
}
