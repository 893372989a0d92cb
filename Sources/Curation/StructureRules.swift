import Crystal
import CurateIO
import Store

/// The structure rules of a curation spec, read from the fields the structure-bearing ingesters
/// keep with each observation (`nsites` / `sites` / `n_sites`, `volume`, `ordered`,
/// `protostructure`). An observation without the field a rule needs is excluded: a structure
/// rule cannot vouch for a record whose structure is unknown.
enum StructureRules {
    static let kinds: Set<String> = ["volume_per_site", "site_count", "wyckoff_positions", "ordered_structure", "valid_protostructure"]

    static func violation(of rule: RuleSpec, by input: CurationInput) -> (reason: String, evidenceJSON: String?)? {
        func field(_ names: String...) -> String? {
            for name in names {
                if let value = ObservationFields.value(name, conditionsJSON: input.conditionsJSON, metadataJSON: input.metadataJSON) { return value }
            }
            return nil
        }
        func outside(_ value: Double, _ what: String) -> (String, String?)? {
            if let min = rule.min, value < min { return ("\(what) \(CurationRule.format(value)) is below \(CurationRule.format(min))", "{\"value\":\(CurationRule.format(value))}") }
            if let max = rule.max, value > max { return ("\(what) \(CurationRule.format(value)) is above \(CurationRule.format(max))", "{\"value\":\(CurationRule.format(value))}") }
            return nil
        }
        let sites = field("nsites", "sites", "n_sites").flatMap(Double.init)
        switch rule.rule {
        case "volume_per_site":
            guard let sites, sites > 0, let volume = field("volume").flatMap(Double.init) else {
                return ("no volume and site count recorded for this record", nil)
            }
            return outside(volume / sites, "volume per site (Å³)")
        case "site_count":
            guard let sites else { return ("no site count recorded for this record", nil) }
            return outside(sites, "site count")
        case "ordered_structure":
            guard let ordered = field("ordered") else { return ("no structure recorded for this record", nil) }
            return ordered == "true" || ordered == "1" ? nil : ("the structure has partially occupied sites", "{\"ordered\":false}")
        case "wyckoff_positions", "valid_protostructure":
            guard let label = field("protostructure") else { return ("no protostructure label recorded for this record", nil) }
            guard let positions = WyckoffLabelCheck.positions(label) else {
                return ("invalid Wyckoff representation \(label): its multiplicities do not reproduce the prototype formula",
                        "{\"protostructure\":\(JSONText.quote(label))}")
            }
            return rule.rule == "wyckoff_positions" ? outside(Double(positions), "Wyckoff positions") : nil
        default:
            return nil
        }
    }
}

/// Checks a protostructure label against the Wyckoff tables.
enum WyckoffLabelCheck {
    /// The number of occupied Wyckoff positions of a valid label, or nil when the label does not
    /// parse, names a letter its space group lacks, or its multiplicities do not reproduce the
    /// prototype formula's amounts.
    static func positions(_ text: String) -> Int? {
        guard let label = try? ProtostructureLabel(parsing: text),
              let elements = WyckoffCanonicalisation.parse(label.wyckoffs) else { return nil }
        var atoms: [Int] = []
        for element in elements {
            var total = 0
            for (letter, count) in element {
                guard let position = WyckoffTable.position(spaceGroup: label.spaceGroupNumber, letter: letter) else { return nil }
                total += count * position.multiplicity
            }
            atoms.append(total)
        }
        let divisor = atoms.reduce(0) { gcd($0, $1) }
        guard divisor > 0, atoms.map({ $0 / divisor }) == amounts(of: label.prototypeFormula) else { return nil }
        return elements.reduce(0) { $0 + $1.values.reduce(0, +) }
    }

    /// `AB2C4` → [1, 2, 4].
    static func amounts(of formula: String) -> [Int] {
        var result: [Int] = []
        var digits = ""
        var started = false
        for character in formula {
            if character.isUppercase {
                if started { result.append(Int(digits) ?? 1) }
                started = true
                digits = ""
            } else if character.isNumber {
                digits.append(character)
            }
        }
        if started { result.append(Int(digits) ?? 1) }
        return result
    }

    static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : gcd(b, a % b) }
}
