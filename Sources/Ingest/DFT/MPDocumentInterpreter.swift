import Chemistry
import Crystal
import CurateIO
import Foundation
import Store

/// Turns one Materials Project document (a `MaterialsDoc`, summary or thermo document, task
/// document, or any document with `material_id`/`task_id` and a structure) into records: one
/// per value it states, or one `structure` observation (no value) when it states none.
///
/// Values: `uncorrected_energy_per_atom` (`correction: none`), `energy_per_atom` (or
/// `output.energy_per_atom`), `formation_energy_per_atom`, `energy_above_hull`, `band_gap` (or
/// `bandstructure.band_gap`). The correction state of the corrected numbers comes from
/// `thermo_type` (`GGA_GGA+U` → `mp2020`, `GGA_GGA+U_R2SCAN` → `mp_dft_mixing`, `R2SCAN` →
/// `none`); an `energy_per_atom` whose embedded entries (`entries`, `entry`) carry no correction
/// is `none`; anything else is `unspecified`, never guessed.
///
/// Quarantine codes: `document.missing_id`, `document.invalid_structure`,
/// `document.invalid_composition`, `formula.<reason>` (of `formula_pretty`),
/// `document.composition_mismatch` (structure vs `composition`), `document.formula_mismatch`
/// (`formula_pretty` vs the structure), `document.no_composition`, `document.no_values`,
/// `value.unparsable` (a value that is not a number, naming its field).
enum MPDocumentInterpreter {
    /// The records of the document `record` (already parsed as `object`).
    static func records(_ record: MPJSONLayout.Record, object: [String: Any], scanner: JSONDocumentScanner,
                        builder: inout DFTRecordBuilder) -> [PreparedRecord] {
        let raw = scanner.text(record.range)
        let whole = DFTRecordBuilder.Origin(locator: record.locator, line: nil, raw: raw)
        func reject(_ code: String, _ message: String, _ field: String?) -> [PreparedRecord] {
            [builder.quarantine(whole, code, message, field: field)]
        }
        guard let id = JSONFields.string(object["material_id"]) ?? JSONFields.string(object["task_id"]) else {
            return reject("document.missing_id", "the document has neither material_id nor task_id", "material_id")
        }
        var structure: Structure?
        if let range = scanner.member("structure", of: record.range), JSONFields.object(object["structure"]) != nil {
            do {
                structure = try PymatgenStructure.read(json: scanner.data(range)).structure
            } catch {
                return reject("document.invalid_structure", error.description, "structure" + error.path.dropFirst())
            }
        }
        var stated: Composition?
        if let amounts = JSONFields.object(object["composition"]) {
            switch statedComposition(amounts) {
            case .success(let composition): stated = composition
            case .failure(let failure): return reject("document.invalid_composition", failure.message, "composition")
            }
        }
        let formulaPretty = JSONFields.string(object["formula_pretty"])
        var pretty: Composition?
        if let formulaPretty {
            switch builder.composition(of: formulaPretty) {
            case .success(let accepted): pretty = accepted.composition
            case .failure(let rejected): return [builder.quarantine(whole, rejected.code, rejected.message, field: "formula_pretty", position: rejected.position)]
            }
        }
        if let structure, let stated, !CompositionAgreement.same(stated, structure.composition) {
            return reject("document.composition_mismatch",
                          CompositionAgreement.describe(stated: stated, structure: structure.composition), "structure")
        }
        guard let composition = structure?.composition ?? stated ?? pretty else {
            return reject("document.no_composition", "the document has no structure, composition or formula_pretty", nil)
        }
        if let pretty, let formulaPretty, !CompositionAgreement.sameReduced(pretty, composition) {
            return reject("document.formula_mismatch",
                          "formula_pretty \"\(formulaPretty)\" disagrees with the \(structure == nil ? "composition" : "structure") \(composition.formula)",
                          "formula_pretty")
        }
        var metadata = SpaceGroupLookup.metadata(documentSymmetry: JSONFields.object(object["symmetry"]))
            ?? structure.map(SpaceGroupLookup.metadata(for:)) ?? [:]
        metadata["id"] = DFTJSON.string(id)
        if let formulaPretty { metadata["formula_pretty"] = DFTJSON.string(formulaPretty) }
        if let taskID = JSONFields.string(object["task_id"]), taskID != id { metadata["task_id"] = DFTJSON.string(taskID) }
        if let structure { metadata["nsites"] = DFTJSON.integer(structure.siteCount) }
        if let deprecated = JSONFields.boolean(object["deprecated"]) { metadata["deprecated"] = deprecated ? "true" : "false" }
        let thermoType = JSONFields.string(object["thermo_type"])
        if let thermoType { metadata["thermo_type"] = DFTJSON.string(thermoType) }

        let embedded = embeddedEntries(object, record: record, scanner: scanner)
        let runTypes = Set(embedded.compactMap(\.runType))
        let runType = JSONFields.string(object["run_type"]) ?? (runTypes.count == 1 ? runTypes.first : nil)
        let thermoLabel = thermoType.flatMap(CorrectionLabel.of(thermoType:))
        let hasUncorrected = object.keys.contains("uncorrected_energy_per_atom")
        let embeddedUncorrected = !embedded.isEmpty && embedded.allSatisfy { $0.correction == 0 && $0.energyAdjustments.isEmpty }
        let energyLabel = hasUncorrected ? (thermoLabel ?? CorrectionLabel.unspecified)
            : (embeddedUncorrected ? CorrectionLabel.none : (thermoLabel ?? CorrectionLabel.unspecified))
        let thermoValueLabel = thermoLabel ?? CorrectionLabel.unspecified

        let output = JSONFields.object(object["output"])
        let bandStructure = JSONFields.object(object["bandstructure"])
        let candidates: [(field: String, value: Any?, property: String, unit: String, correction: String?)] = [
            ("uncorrected_energy_per_atom", object["uncorrected_energy_per_atom"], "energy_per_atom", "eV/atom", CorrectionLabel.none),
            object.keys.contains("energy_per_atom")
                ? ("energy_per_atom", object["energy_per_atom"], "energy_per_atom", "eV/atom", energyLabel)
                : ("output.energy_per_atom", output?["energy_per_atom"], "energy_per_atom", "eV/atom", energyLabel),
            ("formation_energy_per_atom", object["formation_energy_per_atom"], "formation_energy_per_atom", "eV/atom", thermoValueLabel),
            object.keys.contains("energy_above_hull")
                ? ("energy_above_hull", object["energy_above_hull"], "energy_above_hull", "eV/atom", thermoValueLabel)
                : ("e_above_hull", object["e_above_hull"], "energy_above_hull", "eV/atom", thermoValueLabel),
            object.keys.contains("band_gap")
                ? ("band_gap", object["band_gap"], "band_gap", "eV", nil)
                : ("bandstructure.band_gap", bandStructure?["band_gap"], "band_gap", "eV", nil),
        ]
        let formula = formulaPretty ?? composition.formula
        var records: [PreparedRecord] = []
        for candidate in candidates where JSONFields.isPresent(candidate.value) {
            let origin = DFTRecordBuilder.Origin(locator: "\(record.locator) \(candidate.field)", line: nil, raw: raw)
            guard let value = JSONFields.number(candidate.value) else {
                records.append(builder.quarantine(origin, "value.unparsable", "\(candidate.field) is not a finite number", field: candidate.field))
                continue
            }
            var conditions: [String: String] = [:]
            if let runType { conditions["run_type"] = DFTJSON.string(runType) }
            if let correction = candidate.correction { conditions["correction"] = DFTJSON.string(correction) }
            var valueMetadata = metadata
            valueMetadata["field"] = DFTJSON.string(candidate.field)
            records.append(builder.observation(
                origin, composition: composition, formulaAsWritten: formula, property: candidate.property, value: value,
                unit: candidate.unit, valueAsReported: JSONText.number(value), conditions: conditions, metadata: valueMetadata, entryID: id))
        }
        if records.isEmpty {
            guard structure != nil else {
                return reject("document.no_values", "the document states no energy, formation energy, hull distance or band gap, and has no structure", nil)
            }
            let origin = DFTRecordBuilder.Origin(locator: "\(record.locator) structure", line: nil, raw: raw)
            records.append(builder.observation(
                origin, composition: composition, formulaAsWritten: formula, property: "structure", value: nil, unit: nil,
                qualifier: "structure", valueAsReported: formula, conditions: [:], metadata: metadata, entryID: id))
        }
        return records
    }

    /// A `composition` dict (`{"Fe": 2.0}`; species keys such as `Fe2+` count as their element).
    static func statedComposition(_ amounts: [String: Any]) -> Result<Composition, DocumentFailure> {
        var pairs: [(Element, Double)] = []
        for key in amounts.keys.sorted() {
            let letters = String(key.prefix { $0.isLetter })
            guard let element = PeriodicTable.element(symbol: key) ?? PeriodicTable.element(symbol: letters) else {
                return .failure(DocumentFailure(message: "unknown element \"\(key)\" in composition"))
            }
            guard let amount = JSONFields.number(amounts[key]), amount >= 0 else {
                return .failure(DocumentFailure(message: "amount of \(key) is not a non-negative number"))
            }
            if amount > 0 { pairs.append((element, amount)) }
        }
        do { return .success(try Composition(pairs)) } catch {
            return .failure(DocumentFailure(message: "\(error)"))
        }
    }

    /// The readable entries embedded in a document (`entries` values, `entry`).
    private static func embeddedEntries(_ object: [String: Any], record: MPJSONLayout.Record,
                                        scanner: JSONDocumentScanner) -> [ComputedEntry] {
        var ranges: [Range<Int>] = []
        if let entries = scanner.member("entries", of: record.range), scanner.opens(entries, with: "{"),
           let members = try? scanner.members(of: entries) {
            ranges += members.map(\.value).filter { scanner.opens($0, with: "{") }
        }
        if let entry = scanner.member("entry", of: record.range), scanner.opens(entry, with: "{") { ranges.append(entry) }
        return ranges.compactMap { range in
            (try? PymatgenEntryReader.entries(json: scanner.data(range)))?.first?.entry
        }
    }
}

/// Why a document field could not be read.
struct DocumentFailure: Error {
    let message: String
}
