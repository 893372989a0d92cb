import Crystal
import Store

/// A bare pymatgen `Structure` dict in a Materials Project JSON file (such as emmet's test
/// structures): one `structure` observation (no value, qualifier `structure`) of its
/// composition, with its site count and space group (spglib, symprec 0.1). A structure that
/// cannot be read is quarantined as `structure.invalid` with the JSON path of the fault.
enum PymatgenStructureRecord {
    /// The record of the structure `record`.
    static func records(_ record: MPJSONLayout.Record, scanner: JSONDocumentScanner,
                        builder: inout DFTRecordBuilder) -> [PreparedRecord] {
        let raw = scanner.text(record.range)
        let structure: Structure
        do {
            structure = try PymatgenStructure.read(json: scanner.data(record.range)).structure
        } catch {
            let field = error.path == "$" ? nil : String(error.path.dropFirst(2))
            return [builder.quarantine(DFTRecordBuilder.Origin(locator: record.locator, line: nil, raw: raw),
                                       "structure.invalid", error.description, field: field)]
        }
        var metadata = SpaceGroupLookup.metadata(for: structure)
        metadata["nsites"] = DFTJSON.integer(structure.siteCount)
        if let key = record.key { metadata["id"] = DFTJSON.string(key) }
        let formula = structure.composition.formula
        return [builder.observation(
            DFTRecordBuilder.Origin(locator: "\(record.locator) structure", line: nil, raw: raw), composition: structure.composition,
            formulaAsWritten: formula, property: "structure", value: nil, unit: nil, qualifier: "structure",
            valueAsReported: formula, conditions: [:], metadata: metadata, entryID: record.key ?? record.locator)]
    }
}
