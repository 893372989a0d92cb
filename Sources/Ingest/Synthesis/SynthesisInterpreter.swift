import Chemistry
import CurateIO
import Foundation
import Store

/// Turns one reaction's JSON text into a prepared record: a `synthesis_reaction` observation of
/// the target, or a quarantine row with a `synthesis.*` reason.
///
/// Checks, in order: the record decodes; the target and every precursor parse
/// (`synthesis.target_unparsable`, `synthesis.precursor_unparsable`); the target has concrete
/// amounts (`synthesis.target_symbolic`); there are operations (`synthesis.no_operations`); every
/// target element comes from a precursor or the abundant set (`synthesis.alchemy`); the equation
/// balances where it can be evaluated (`synthesis.unbalanced`).
struct SynthesisInterpreter {
    /// Elements a product may take from the surroundings whatever the atmosphere.
    static let abundantElements: Set<String> = ["O", "H", "C", "N"]

    let bindings: FormulaBindings
    private let decoder = JSONDecoder()
    private var materials = FormulaInterpretation(bindings: .none)

    init(bindings: FormulaBindings) {
        self.bindings = bindings
    }

    /// Interprets reaction number `index` (1-based) whose text is `raw`.
    mutating func interpret(_ raw: Data, index: Int) -> PreparedRecord {
        let text = String(decoding: raw, as: UTF8.self)
        let locator = "reaction \(index)"
        func quarantine(_ code: String, _ message: String, field: String?, position: Int? = nil) -> PreparedRecord {
            PreparedRecord(locator: locator, line: nil, rawContent: text, outcome: .quarantine(QuarantineReason(
                code: code, message: message, field: field, position: position.map { max(1, $0) }, ruleVersion: SynthesisIngester.ruleVersion)))
        }
        let reaction: SynthesisReaction
        if let fast = raw.withUnsafeBytes({ SynthesisJSONReader.reaction($0.assumingMemoryBound(to: UInt8.self)) }) {
            reaction = fast
        } else {
            do {
                reaction = try decoder.decode(SynthesisReaction.self, from: raw)
            } catch {
                return quarantine("synthesis.malformed_record", "the reaction does not have the synthesis schema: \(error)", field: nil)
            }
        }
        let placeholders = bindings.placeholders.merging(reaction.equation.elementSubstitution) { _, substituted in substituted }
        let target: MaterialResolution
        do {
            target = try MaterialResolution(reaction.target, placeholders: placeholders, defaults: bindings.variables)
        } catch {
            return quarantine("synthesis.target_unparsable", Self.describe(error), field: Self.field("target", error), position: error.error.position)
        }
        var precursors: [MaterialResolution] = []
        for (number, precursor) in reaction.precursors.enumerated() {
            do {
                precursors.append(try MaterialResolution(precursor, placeholders: placeholders, defaults: bindings.variables))
            } catch {
                return quarantine("synthesis.precursor_unparsable", Self.describe(error),
                                  field: Self.field("precursors[\(number)]", error), position: error.error.position)
            }
        }
        guard let first = target.variants.first else {
            return quarantine("synthesis.target_symbolic",
                              "target \"\(reaction.target.materialFormula)\" keeps variable(s) \(target.unresolvedVariables.joined(separator: ", ")) without values in amounts_vars; re-ingest with --bindings",
                              field: "target.amounts_vars")
        }
        guard !reaction.operations.isEmpty else {
            return quarantine("synthesis.no_operations", "the reaction has no operations", field: "operations")
        }
        let atmospheres = reaction.operations.flatMap { $0.conditions.heatingAtmosphere.map(ConditionNormalisation.atmosphere) }
        var available = Self.abundantElements.union(precursors.flatMap(\.elements))
        for atmosphere in atmospheres { available.formUnion(ConditionNormalisation.elements(of: atmosphere)) }
        let missing = target.elements.subtracting(available)
        if !missing.isEmpty {
            return quarantine("synthesis.alchemy",
                              "target element(s) \(missing.sorted().joined(separator: ", ")) come from no precursor, the abundant set (O, H, C, N) or the atmosphere",
                              field: "target")
        }
        var values = bindings.variables
        for material in [reaction.target] + reaction.precursors {
            for (name, range) in material.amountsVars where values[name] == nil {
                if let value = range.expansion.first { values[name] = value }
            }
        }
        values.merge(first.bindings) { _, target in target }
        let balance = ReactionBalance.check(reaction.equation, placeholders: placeholders, values: values)
        if balance.status == "unbalanced" {
            let residuals = balance.residuals.keys.sorted().map { "\($0) \(JSONText.number(((balance.residuals[$0] ?? 0) * 1e4).rounded() / 1e4))" }
            return quarantine("synthesis.unbalanced",
                              "\"\(reaction.reactionString)\" does not balance (left − right: \(residuals.joined(separator: ", ")); tolerance \(balance.tolerance))",
                              field: "reaction")
        }
        return observation(reaction, target: target, variant: first, precursors: precursors, balance: balance,
                           locator: locator, text: text)
    }

    private mutating func observation(_ reaction: SynthesisReaction, target: MaterialResolution, variant: MaterialResolution.Variant,
                                      precursors: [MaterialResolution], balance: ReactionBalance,
                                      locator: String, text: String) -> PreparedRecord {
        let recipe = SynthesisRecipe(
            doi: reaction.doi, paragraphExcerpt: String(reaction.paragraph.prefix(SynthesisRecipe.excerptLength)),
            reactionString: reaction.reactionString, synthesisType: reaction.synthesisType,
            elementSubstitution: reaction.equation.elementSubstitution.isEmpty ? nil : reaction.equation.elementSubstitution,
            target: SynthesisRecipe.Material(reaction.target, target),
            precursors: zip(reaction.precursors, precursors).map { SynthesisRecipe.Material($0, $1) },
            operations: reaction.operations.map(SynthesisRecipe.Operation.init), balance: balance)
        let metadata = RecipeJSONWriter.json(recipe)
        let material = materials.material(for: variant.composition)
        let observation = PreparedObservation(
            material: material, formulaAsWritten: reaction.target.materialString,
            compositionJSON: MaterialPreparation.json(variant.composition), property: "synthesis_reaction", value: nil, unit: nil,
            qualifier: "recipe", valueAsReported: reaction.reactionString, conditionsJSON: nil, metadataJSON: metadata,
            dedupKey: Self.dedupKey(reaction, targetKey: material.canonicalKey, recipe: recipe))
        return PreparedRecord(locator: locator, line: nil, rawContent: text, outcome: .observation(observation))
    }

    /// Same target (with its substitution and variable values), same precursor set, same operations.
    static func dedupKey(_ reaction: SynthesisReaction, targetKey: String, recipe: SynthesisRecipe) -> String {
        let substitution = reaction.equation.elementSubstitution.keys.sorted()
            .map { "\($0)=\(reaction.equation.elementSubstitution[$0] ?? "")" }.joined(separator: ",")
        let precursors = Set(reaction.precursors.map { $0.materialFormula.isEmpty ? $0.materialString : $0.materialFormula })
            .sorted().joined(separator: "+")
        let variants = recipe.target.variants.map { variant in
            variant.bindings.keys.sorted().map { "\($0)=\(JSONText.number(variant.bindings[$0] ?? 0))" }.joined(separator: ",")
        }.joined(separator: ";")
        let operations: String = recipe.operations.map { operation -> String in
            let temperatures = (operation.temperaturesK ?? []).map { "\($0.values)\($0.minValue ?? -1)\($0.maxValue ?? -1)" }.joined()
            let times = (operation.timesH ?? []).map { "\($0.values)\($0.minValue ?? -1)\($0.maxValue ?? -1)" }.joined()
            let atmospheres = (operation.atmospheres ?? []).map(\.normalised).joined(separator: ",")
            return "\(operation.type)[\(temperatures)|\(times)|\(atmospheres)]"
        }.joined(separator: ">")
        var hasher = SHA256Hasher()
        hasher.update(operations)
        return "synthesis|\(targetKey)|\(substitution)|\(variants)|\(precursors)|ops:\(hasher.finalizeHex().prefix(16))"
    }

    static func describe(_ failure: MaterialResolution.Failure) -> String {
        "\(failure.error.reason.rawValue): \(failure.error.message) in \"\(failure.formula)\""
    }

    static func field(_ base: String, _ failure: MaterialResolution.Failure) -> String {
        failure.part.map { "\(base).composition[\($0)].formula" } ?? "\(base).formula"
    }
}
