import Chemistry
import CurateIO
import Store

/// The rules a spec can name. Each is versioned; the version is written with every exclusion.
enum CurationRule {
    static let kinds: Set<String> = Set(["value_range", "exclude_elements", "element_count", "exclude_qualifiers", "require_condition"])
        .union(StructureRules.kinds)

    static let versions: [String: String] = [
        "value_range": "value_range/1", "exclude_elements": "exclude_elements/1",
        "element_count": "element_count/1", "exclude_qualifiers": "exclude_qualifiers/1",
        "censored_with_measurements": "censored_with_measurements/1", "censored_dropped": "censored_dropped/1",
        "require_condition": "require_condition/1", "source_precedence": "source_precedence/1",
        "no_protostructure": "no_protostructure/1", "volume_per_site": "volume_per_site/1", "site_count": "site_count/1",
        "wyckoff_positions": "wyckoff_positions/1", "ordered_structure": "ordered_structure/1",
        "valid_protostructure": "valid_protostructure/1",
    ]

    static let elementGroups: [String: Set<String>] = [
        "noble_gases": ["He", "Ne", "Ar", "Kr", "Xe", "Rn", "Og"],
        "lanthanides": ["La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu"],
        "actinides": ["Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr"],
    ]

    /// Why `input` fails `rule`, or `nil` when it passes.
    static func violation(of rule: RuleSpec, by input: CurationInput) -> (reason: String, evidenceJSON: String?)? {
        switch rule.rule {
        case "value_range":
            guard let value = input.value else { return nil } // censored labels carry no value
            if let min = rule.min, value < min {
                return ("\(format(value)) \(input.unit ?? "") is below \(format(min))", "{\"value\":\(format(value)),\"min\":\(format(min))}")
            }
            if let max = rule.max, value > max {
                return ("\(format(value)) \(input.unit ?? "") is above \(format(max))", "{\"value\":\(format(value)),\"max\":\(format(max))}")
            }
            return nil
        case "exclude_elements":
            var excluded = Set<String>()
            for name in rule.elements ?? [] { excluded.formUnion(elementGroups[name] ?? [name]) }
            let present = input.chemicalSystem.split(separator: "-").map(String.init).filter { excluded.contains($0) }
            guard !present.isEmpty else { return nil }
            return ("contains excluded element(s) \(present.joined(separator: ", "))",
                    "{\"elements\":[" + present.map { "\"\($0)\"" }.joined(separator: ",") + "]}")
        case "element_count":
            if let min = rule.minElements, input.elementCount < min {
                return ("\(input.elementCount) element(s), fewer than \(min)", "{\"element_count\":\(input.elementCount)}")
            }
            if let max = rule.maxElements, input.elementCount > max {
                return ("\(input.elementCount) elements, more than \(max)", "{\"element_count\":\(input.elementCount)}")
            }
            return nil
        case "exclude_qualifiers":
            guard (rule.qualifiers ?? []).contains(input.qualifier) else { return nil }
            return ("qualifier \(input.qualifier) is excluded by the spec", "{\"qualifier\":\"\(input.qualifier)\"}")
        case "require_condition":
            guard let field = rule.field else { return nil }
            let allowed = rule.values ?? []
            let found = ObservationFields.value(field, conditionsJSON: input.conditionsJSON, metadataJSON: input.metadataJSON)
            if let found, allowed.contains(found) { return nil }
            return (found.map { "\(field) is \($0), not one of \(allowed.joined(separator: ", "))" } ?? "no \(field) recorded; required: \(allowed.joined(separator: ", "))",
                    "{\"field\":\(JSONText.quote(field)),\"value\":\(found.map(JSONText.quote) ?? "null")}")
        default:
            return StructureRules.violation(of: rule, by: input)
        }
    }

    static func format(_ value: Double) -> String {
        AmountFormatting.format(value, decimals: 9)
    }
}
