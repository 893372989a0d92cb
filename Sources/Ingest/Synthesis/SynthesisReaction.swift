/// One text-mined synthesis reaction (Kononova et al. 2019 solid-state release, and the 2020
/// releases with `synthesis_type`), decoded from one element of the `reactions` array.
public struct SynthesisReaction: Sendable, Hashable, Codable {
    /// One side term of the balanced equation: an amount (possibly symbolic) and a material formula.
    public struct Term: Sendable, Hashable, Codable {
        public var amount: String
        public var material: String

        public init(amount: String, material: String) {
            self.amount = amount
            self.material = material
        }

        enum CodingKeys: String, CodingKey { case amount, material }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            amount = try container.lenientString(.amount) ?? "1"
            material = try container.lenientString(.material) ?? ""
        }
    }

    /// The balanced equation as the group computed it.
    public struct Equation: Sendable, Hashable, Codable {
        public var leftSide: [Term]
        public var rightSide: [Term]
        /// Placeholder → element chosen for this reaction (`M: Ca`).
        public var elementSubstitution: [String: String]

        enum CodingKeys: String, CodingKey {
            case leftSide = "left_side", rightSide = "right_side", elementSubstitution = "element_substitution"
        }

        public init(leftSide: [Term], rightSide: [Term], elementSubstitution: [String: String]) {
            self.leftSide = leftSide
            self.rightSide = rightSide
            self.elementSubstitution = elementSubstitution
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            leftSide = try container.lenientList(Term.self, .leftSide)
            rightSide = try container.lenientList(Term.self, .rightSide)
            elementSubstitution = (try? container.decodeIfPresent([String: String].self, forKey: .elementSubstitution)) ?? [:]
        }
    }

    /// Paper DOI.
    public var doi: String
    /// Paragraph the recipe was mined from (the release abridges it with `<...>`).
    public var paragraph: String
    /// Equation as text (`0.5 Ta2O5 + 2 BaCO3 == 1 Ba2HoTaO6 + 2 CO2`).
    public var reactionString: String
    /// Target strings as written.
    public var targetsString: [String]
    /// `solid-state`, `sol-gel`, ... (2020 schema; `nil` in 2019, which is all solid-state).
    public var synthesisType: String?
    /// The equation.
    public var equation: Equation
    /// The target material.
    public var target: SynthesisMaterial
    /// Precursors.
    public var precursors: [SynthesisMaterial]
    /// The operation sequence.
    public var operations: [SynthesisOperation]

    enum CodingKeys: String, CodingKey {
        case doi, paragraph = "paragraph_string", reactionString = "reaction_string", targetsString = "targets_string"
        case synthesisType = "synthesis_type", equation = "reaction", target, precursors, operations
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        doi = try container.lenientString(.doi) ?? ""
        paragraph = try container.lenientString(.paragraph) ?? ""
        reactionString = try container.lenientString(.reactionString) ?? ""
        targetsString = try container.lenientStrings(.targetsString)
        synthesisType = try container.lenientString(.synthesisType)
        equation = try container.decodeIfPresent(Equation.self, forKey: .equation)
            ?? Equation(leftSide: [], rightSide: [], elementSubstitution: [:])
        target = try container.decode(SynthesisMaterial.self, forKey: .target)
        precursors = try container.lenientList(SynthesisMaterial.self, .precursors)
        operations = try container.lenientList(SynthesisOperation.self, .operations)
    }
}
