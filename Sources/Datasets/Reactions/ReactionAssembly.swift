import Chemistry
import CurateIO
import Foundation
import Store

/// The parts of a stored synthesis recipe (`metadata_json`) a reaction dataset reads.
struct RecipeView: Decodable {
    struct Material: Decodable {
        struct Variant: Decodable { var composition: [String: Double] }
        var materialString: String
        var variants: [Variant]
        var unresolvedVariables: [String]?

        enum CodingKeys: String, CodingKey {
            case variants
            case materialString = "material_string", unresolvedVariables = "unresolved_variables"
        }
    }

    struct Operation: Decodable { var type: String }

    var doi: String
    var precursors: [Material]
    var operations: [Operation]
}

/// Turns stored synthesis observations into reaction records, with a ledger line for every
/// reaction a filter removes.
enum ReactionAssembly {
    struct Rejection {
        var observationId: Int
        var rule: String
        var reason: String
    }

    static func records(inputs: [CurationInput], filter: ReactionFilterSpec) -> (records: [ReactionRecord], rejected: [Rejection]) {
        let minimum = filter.minPrecursors ?? 2, maximum = filter.maxPrecursors ?? 10
        let decoder = JSONDecoder()
        var records: [ReactionRecord] = []
        var rejected: [Rejection] = []
        var seen: [String: String] = [:]
        for input in inputs.sorted(by: { ($0.sourceName, $0.locator, $0.observationId) < ($1.sourceName, $1.locator, $1.observationId) }) {
            func reject(_ rule: String, _ reason: String) { rejected.append(Rejection(observationId: input.observationId, rule: rule, reason: reason)) }
            guard let json = input.metadataJSON, let recipe = try? decoder.decode(RecipeView.self, from: Data(json.utf8)) else {
                reject("reaction_unreadable", "the stored recipe could not be read back")
                continue
            }
            if filter.nonElementalTarget ?? true, input.elementCount < 2 {
                reject("elemental_target", "the target \(input.reducedFormula) is a single element")
                continue
            }
            var precursorCompositions: [String: Composition] = [:]
            var problem: (String, String)?
            for precursor in recipe.precursors {
                guard precursor.unresolvedVariables?.isEmpty ?? true, precursor.variants.count == 1,
                      let amounts = precursor.variants.first?.composition, !amounts.isEmpty,
                      let composition = try? Composition(symbolAmounts: amounts) else {
                    problem = ("precursor_not_stoichiometric", "precursor \"\(precursor.materialString)\" has no single concrete composition")
                    break
                }
                let symbols = Set(composition.elements.map(\.symbol))
                if filter.inorganicPrecursors ?? true, symbols.contains("C"), symbols.contains("H") {
                    problem = ("organic_precursor", "precursor \"\(precursor.materialString)\" holds C and H")
                    break
                }
                precursorCompositions[composition.canonicalKey()] = composition
            }
            if let (rule, reason) = problem { reject(rule, reason); continue }
            guard precursorCompositions.count >= minimum, precursorCompositions.count <= maximum else {
                reject("precursor_count", "\(precursorCompositions.count) distinct precursor(s); the spec keeps \(minimum)…\(maximum)")
                continue
            }
            let keys = precursorCompositions.keys.sorted()
            let actions = recipe.operations.map { ReactionAction.of($0.type) }
            let id = String(SHA256Hasher.hex(of: "reaction:" + input.canonicalKey + "|" + keys.joined(separator: "+") + "|" + actions.joined(separator: ">")).prefix(16))
            let provenance = "\(input.sourceName):\(input.locator)"
            if filter.dedup ?? true, let first = seen[id] {
                reject("duplicate_reaction", "same target, precursors and actions as \(first)")
                continue
            }
            seen[id] = provenance
            let fractions = (try? Composition(formula: input.canonicalKey))?.alphabeticalAmounts.map { ($0.symbol, $0.amount) } ?? []
            records.append(ReactionRecord(
                id: id, target: input.reducedFormula, targetKey: input.canonicalKey, chemicalSystem: input.chemicalSystem,
                targetFractions: fractions.map { (symbol: $0.0, fraction: $0.1) },
                precursors: keys.compactMap { precursorCompositions[$0]?.reducedFormula }, precursorKeys: keys,
                actions: actions, doi: recipe.doi, provenance: provenance, split: ""))
        }
        return (records.sorted { $0.id < $1.id }, rejected)
    }
}
