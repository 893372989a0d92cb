import Chemistry
import Crystal
import Foundation

/// One pymatgen entry read from its record, with the checks that need only the entry itself.
struct ReadEntry {
    /// Where it is in the file.
    let record: MPJSONLayout.Record
    /// The record's exact JSON text.
    let raw: String
    /// The entry.
    let entry: ComputedEntry
    /// `entry_id`, else `data.material_id`, else the key of a keyed dict, else the locator.
    let id: String
    /// Space-group metadata from the structure (spglib), empty without a structure.
    let spaceGroup: [String: String]
}

/// Why an entry record was quarantined.
struct EntryRejection: Error {
    let code: String
    let message: String
    let field: String?
}

/// Reads one entry record: `ComputedEntry`, `ComputedStructureEntry` or `PDEntry` JSON.
///
/// Quarantine codes: `entry.malformed_json`, `entry.missing_field`, `entry.wrong_type`,
/// `entry.unknown_element`, `entry.invalid_value`, `entry.invalid_structure`,
/// `entry.invalid_lattice` (each with the JSON path as the field), `entry.key_mismatch` (an
/// elemental-reference key that is not the entry's element), `entry.composition_mismatch` (the
/// structure disagrees with the stated composition).
enum PymatgenEntryReading {
    /// Reads `record` of the document in `scanner`.
    static func read(_ record: MPJSONLayout.Record, object: [String: Any], scanner: JSONDocumentScanner) -> Result<ReadEntry, EntryRejection> {
        guard object.keys.contains("energy") else {
            return .failure(EntryRejection(code: "entry.missing_field", message: "the entry has no energy", field: "energy"))
        }
        let entry: ComputedEntry
        do {
            let entries = try PymatgenEntryReader.entries(json: scanner.data(record.range))
            guard entries.count == 1, let first = entries.first else {
                return .failure(EntryRejection(code: "entry.wrong_type", message: "the record holds \(entries.count) entries", field: nil))
            }
            entry = first.entry
        } catch {
            return .failure(rejection(error))
        }
        if let key = record.key, let element = PeriodicTable.element(symbol: key) {
            guard entry.composition.elementCount == 1, entry.composition.entries.first.map({ Int($0.z) }) == element.z else {
                return .failure(EntryRejection(code: "entry.key_mismatch",
                                               message: "the entry under key \"\(key)\" has composition \(entry.composition.formula), not the element \(key)",
                                               field: "composition"))
            }
        }
        var spaceGroup: [String: String] = [:]
        if let structure = entry.structure?.structure {
            guard CompositionAgreement.same(entry.composition, structure.composition) else {
                return .failure(EntryRejection(code: "entry.composition_mismatch",
                                               message: CompositionAgreement.describe(stated: entry.composition, structure: structure.composition),
                                               field: "structure"))
            }
            spaceGroup = SpaceGroupLookup.metadata(for: structure)
        }
        let id = entry.entryID ?? entry.materialID ?? record.key ?? record.locator
        return .success(ReadEntry(record: record, raw: scanner.text(record.range), entry: entry, id: id, spaceGroup: spaceGroup))
    }

    /// A reader error as a quarantine reason.
    static func rejection(_ error: PymatgenJSONError) -> EntryRejection {
        let field = error.path == "$" ? nil : String(error.path.hasPrefix("$.") ? error.path.dropFirst(2) : Substring(error.path))
        let code: String
        switch error.problem {
        case .notJSON: code = "entry.malformed_json"
        case .missing: code = "entry.missing_field"
        case .wrongType: code = "entry.wrong_type"
        case .invalidValue(let message): code = message.hasPrefix("unknown element") ? "entry.unknown_element" : "entry.invalid_value"
        case .structure: code = "entry.invalid_structure"
        case .lattice: code = "entry.invalid_lattice"
        }
        return EntryRejection(code: code, message: error.description, field: field)
    }
}
