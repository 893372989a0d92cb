import Chemistry
import Crystal
import CurateIO
import Foundation
import Store

/// Turns one OPTIMADE `structures` resource into records: a `structure` observation (no value,
/// qualifier `structure`) of its composition with the provider id, formula and space group
/// (spglib, symprec 0.1, when the cell is given), plus one observation per provider-specific
/// DFT value (see ``OptimadeProviderFields``), whose `correction` condition is
/// `<prefix>_published` (the provider's own reference energies and corrections).
///
/// Quarantine codes (one record for the resource): `optimade.wrong_type` (not `structures`),
/// `optimade.missing_field` (`id`, `attributes`), `optimade.invalid_species`,
/// `optimade.unknown_species`, `optimade.unknown_element`, `optimade.nsites_mismatch`,
/// `optimade.composition_mismatch` (sites vs `chemical_formula_reduced`),
/// `optimade.elements_mismatch` (`elements` vs the composition), `formula.<reason>`,
/// `optimade.no_composition`; per value: `value.unparsable`.
enum OptimadeInterpreter {
    /// The records of `record` (its text `raw`).
    static func records(_ record: OptimadeLayout.Record, raw: String, data: Data,
                        builder: inout DFTRecordBuilder) -> [PreparedRecord] {
        let whole = DFTRecordBuilder.Origin(locator: record.locator, line: nil, raw: raw)
        func reject(_ code: String, _ message: String, _ field: String?, _ position: Int? = nil) -> [PreparedRecord] {
            [builder.quarantine(whole, code, message, field: field, position: position)]
        }
        let object: [String: Any]
        switch JSONFields.parseObject(data) {
        case .success(let parsed): object = parsed
        case .failure(let failure): return reject("record.malformed_json", failure.message, nil)
        }
        guard let type = JSONFields.string(object["type"]) else {
            return reject("optimade.missing_field", "the resource has no type", "type")
        }
        guard type == "structures" else {
            return reject("optimade.wrong_type", "a \"\(type)\" resource, not \"structures\"", "type")
        }
        guard let id = JSONFields.string(object["id"]) else {
            return reject("optimade.missing_field", "the resource has no id", "id")
        }
        guard let attributes = JSONFields.object(object["attributes"]) else {
            return reject("optimade.missing_field", "the resource has no attributes", "attributes")
        }
        var sites: OptimadeSites?
        switch OptimadeSites.read(attributes) {
        case .success(let read): sites = read
        case .failure(let failure): return reject(failure.code, failure.message, failure.field)
        case nil: sites = nil
        }
        if let sites, let nsites = JSONFields.number(attributes["nsites"]), Int(nsites) != sites.occupancies.count {
            return reject("optimade.nsites_mismatch", "nsites is \(JSONText.number(nsites)) but species_at_sites lists \(sites.occupancies.count) sites", "nsites")
        }
        let formulaField = ["chemical_formula_reduced", "chemical_formula_descriptive", "chemical_formula_hill"]
            .first { JSONFields.string(attributes[$0]) != nil }
        let formulaText = formulaField.flatMap { JSONFields.string(attributes[$0]) }
        var stated: Composition?
        if let formulaField, let formulaText {
            switch builder.composition(of: formulaText) {
            case .success(let accepted): stated = accepted.composition
            case .failure(let rejected): return reject(rejected.code, rejected.message, formulaField, rejected.position)
            }
        }
        if let sites, let stated, let formulaField, !CompositionAgreement.sameReduced(sites.composition, stated) {
            return reject("optimade.composition_mismatch",
                          "the sites hold \(sites.composition.formula) but \(formulaField) is \"\(formulaText ?? "")\"", formulaField)
        }
        guard let composition = sites?.composition ?? stated ?? ratioComposition(attributes) else {
            return reject("optimade.no_composition", "no species_at_sites, chemical formula or elements/elements_ratios", nil)
        }
        if let elements = attributes["elements"] as? [Any] {
            let listed = Set(elements.compactMap(JSONFields.string))
            let present = Set(composition.elements.map(\.symbol))
            guard listed == present else {
                return reject("optimade.elements_mismatch",
                              "elements lists \(listed.sorted().joined(separator: ", ")) but the composition has \(present.sorted().joined(separator: ", "))", "elements")
            }
        }
        let prefixes = Set(attributes.keys.compactMap { OptimadeProviderFields.split($0)?.prefix })
        let provider = record.providerPrefix ?? (prefixes.count == 1 ? prefixes.first : nil)
        var metadata: [String: String] = ["id": DFTJSON.string(id)]
        if let provider { metadata["provider"] = DFTJSON.string(provider) }
        for key in ["chemical_formula_reduced", "chemical_formula_anonymous", "immutable_id", "last_modified"] {
            if let text = JSONFields.string(attributes[key]) { metadata[key] = DFTJSON.string(text) }
        }
        if let sites {
            metadata["nsites"] = DFTJSON.integer(sites.occupancies.count)
            if let structure = sites.structure(attributes) {
                metadata.merge(SpaceGroupLookup.metadata(for: structure)) { _, new in new }
            }
        }
        let formula = formulaText ?? composition.formula
        let entryID = (provider.map { "\($0):" } ?? "") + id
        var records = [builder.observation(
            DFTRecordBuilder.Origin(locator: "\(record.locator) structure", line: nil, raw: raw), composition: composition,
            formulaAsWritten: formula, property: "structure", value: nil, unit: nil, qualifier: "structure",
            valueAsReported: formula, conditions: [:], metadata: metadata, entryID: entryID)]
        for key in attributes.keys.sorted() {
            guard let (prefix, name) = OptimadeProviderFields.split(key), let meaning = OptimadeProviderFields.known[name],
                  JSONFields.isPresent(attributes[key]) else { continue }
            let origin = DFTRecordBuilder.Origin(locator: "\(record.locator) \(key)", line: nil, raw: raw)
            guard let value = JSONFields.number(attributes[key]) else {
                records.append(builder.quarantine(origin, "value.unparsable", "\(key) is not a finite number", field: key))
                continue
            }
            var valueMetadata = metadata
            valueMetadata["field"] = DFTJSON.string(key)
            let conditions = meaning.isEnergy ? ["correction": DFTJSON.string("\(prefix)_published")] : [:]
            records.append(builder.observation(
                origin, composition: composition, formulaAsWritten: formula, property: meaning.property, value: value,
                unit: meaning.unit, valueAsReported: JSONText.number(value), conditions: conditions,
                metadata: valueMetadata, entryID: entryID))
        }
        return records
    }

    /// The composition from `elements` and `elements_ratios`, if both are usable.
    private static func ratioComposition(_ attributes: [String: Any]) -> Composition? {
        guard let elements = attributes["elements"] as? [Any], let ratios = attributes["elements_ratios"] as? [Any],
              elements.count == ratios.count else { return nil }
        var pairs: [(Element, Double)] = []
        for (symbolValue, ratioValue) in zip(elements, ratios) {
            guard let symbol = JSONFields.string(symbolValue), let element = PeriodicTable.element(symbol: symbol),
                  let ratio = JSONFields.number(ratioValue) else { return nil }
            pairs.append((element, ratio))
        }
        return try? Composition(pairs)
    }
}
