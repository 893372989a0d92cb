/// Field-by-field initialisers for the decoded synthesis types, used by `SynthesisJSONReader`
/// (the types' own initialisers are their Codable ones).
extension SynthesisReaction {
    init(doi: String, paragraph: String, reactionString: String, targetsString: [String], synthesisType: String?,
         equation: Equation, target: SynthesisMaterial, precursors: [SynthesisMaterial], operations: [SynthesisOperation]) {
        self.doi = doi
        self.paragraph = paragraph
        self.reactionString = reactionString
        self.targetsString = targetsString
        self.synthesisType = synthesisType
        self.equation = equation
        self.target = target
        self.precursors = precursors
        self.operations = operations
    }
}

extension SynthesisMaterial {
    init(materialString: String, materialName: String?, materialFormula: String, phase: String?, isAcronym: Bool?,
         composition: [Part], amountsVars: [String: VariableValues], elementsVars: [String: [String]], additives: [String],
         oxygenDeficiency: OxygenDeficiency?, mpId: String?) {
        self.materialString = materialString
        self.materialName = materialName
        self.materialFormula = materialFormula
        self.phase = phase
        self.isAcronym = isAcronym
        self.composition = composition
        self.amountsVars = amountsVars
        self.elementsVars = elementsVars
        self.additives = additives
        self.oxygenDeficiency = oxygenDeficiency
        self.mpId = mpId
    }
}
