import Chemistry
import CurateIO
import Store

/// Builds the prepared records of the DFT ingesters (WBM, Materials Project JSON, OPTIMADE).
///
/// One record is one value: the store keeps one observation per raw record, so a row or an
/// entry that carries several energies yields several records, each with the same raw text and
/// a locator naming the value (`line 12 e_form_per_atom_mp2020_corrected`). A row or entry that
/// cannot be read at all is one quarantined record. An observation's identity (its dedup key) is
/// its material, property, value, unit, conditions and entry id, so the same entry's corrected
/// and uncorrected energies never collapse into one.
struct DFTRecordBuilder {
    /// Version recorded with quarantine rows.
    let ruleVersion: String
    private var formulas = FormulaInterpretation(bindings: .none)

    init(ruleVersion: String) {
        self.ruleVersion = ruleVersion
    }

    /// Where a record came from and its raw text.
    struct Origin {
        let locator: String
        let line: Int?
        let raw: String
        /// The exact bytes when `raw` is not them (invalid UTF-8 in the input).
        var rawBytes: [UInt8]? = nil
    }

    /// A quarantined record with a precise reason.
    func quarantine(_ origin: Origin, _ code: String, _ message: String, field: String?, position: Int? = nil) -> PreparedRecord {
        PreparedRecord(locator: origin.locator, line: origin.line, rawContent: origin.raw, rawBytes: origin.rawBytes, outcome: .quarantine(QuarantineReason(
            code: code, message: message, field: field, position: position.map { max(1, $0) }, ruleVersion: ruleVersion)))
    }

    /// One value as an observation.
    ///
    /// - Parameters:
    ///   - conditions: JSON texts keyed by condition name (`correction`, `run_type`, …).
    ///   - metadata: JSON texts keyed by field (`id`, `batch`, `space_group`, …).
    ///   - entryID: the source's id of the entry, part of the identity.
    mutating func observation(_ origin: Origin, composition: Composition, formulaAsWritten: String, property: String,
                              value: Double?, unit: String?, qualifier: String = "exact", valueAsReported: String,
                              conditions: [String: String], metadata: [String: String], entryID: String?) -> PreparedRecord {
        let material = formulas.material(for: composition)
        let conditionsJSON = conditions.isEmpty ? nil : JSONText.object(conditions)
        let dedupKey = [material.canonicalKey, property, value.map(JSONText.number) ?? "nil", unit ?? "",
                        conditionsJSON ?? "", entryID ?? ""].joined(separator: "|")
        let observation = PreparedObservation(
            material: material, formulaAsWritten: formulaAsWritten, compositionJSON: MaterialPreparation.json(composition),
            property: property, value: value, unit: unit, qualifier: qualifier, valueAsReported: valueAsReported,
            conditionsJSON: conditionsJSON, metadataJSON: metadata.isEmpty ? nil : JSONText.object(metadata),
            dedupKey: dedupKey)
        return PreparedRecord(locator: origin.locator, line: origin.line, rawContent: origin.raw, rawBytes: origin.rawBytes, outcome: .observation(observation))
    }

    /// Formula text → composition, or the `formula.*` reason it cannot be one. Accepts the
    /// space-separated pymatgen style (`Al2 C2 Nb2 O2`) as well as the project's grammar.
    func composition(of text: String) -> Result<FormulaInterpretation.Accepted, FormulaInterpretation.Rejected> {
        if let spaced = SpacedFormula.parse(text) {
            return spaced.map { FormulaInterpretation.Accepted(composition: $0, metadata: [:]) }
        }
        return formulas.interpret(text)
    }
}

/// JSON text for condition and metadata values.
enum DFTJSON {
    /// A JSON string literal.
    static func string(_ text: String) -> String { JSONText.quote(text) }
    /// A JSON number (shortest round-trip form).
    static func number(_ value: Double) -> String { JSONText.number(value) }
    /// A JSON integer.
    static func integer(_ value: Int) -> String { String(value) }
}
