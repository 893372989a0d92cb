import Crystal
import CurateIO
import Foundation

/// `curate wren-labels ENTRIES`: a Wren training table from pymatgen structure entries — one row
/// per entry with its protostructure label (spglib at 0.1 Å), energy per atom and formation energy
/// per atom against the file's lowest-energy elemental entries (corrected energies).
public enum WrenLabels {
    /// The header of the table.
    public static let header = "id,protostructure,composition,energy_per_atom,formation_energy_per_atom"

    /// The table's rows and the entries left out.
    public struct Table: Codable, Sendable, Equatable {
        /// CSV lines without the header, in file order.
        public var rows: [String]
        /// Entries without a structure, a label or elemental references for every element.
        public var skipped: Int
    }

    /// Reads `path` (a JSON list of ComputedStructureEntry objects, optionally gzip-compressed).
    public static func table(path: String) throws(WorkflowError) -> Table {
        let entries: [ComputedEntry]
        do {
            let data = path.hasSuffix(".gz") ? try GzipReader(url: URL(fileURLWithPath: path)).readAll()
                                             : try Data(contentsOf: URL(fileURLWithPath: path))
            entries = try PymatgenEntryReader.entries(json: data).map(\.entry)
        } catch {
            throw WorkflowError("\(path): \(error)")
        }
        var references: [Int: Double] = [:]
        for entry in entries where entry.composition.entries.count == 1 {
            guard let z = entry.composition.entries.first.map({ Int($0.z) }) else { continue }
            references[z] = min(references[z] ?? .infinity, entry.energyPerAtom)
        }
        var table = Table(rows: [], skipped: 0)
        for (index, entry) in entries.enumerated() {
            let id = entry.entryID ?? entry.materialID ?? "entry-\(index)"
            guard let structure = entry.structure?.structure, let label = try? ProtostructureLabel(structure: structure),
                  let reference = formationReference(entry, references) else {
                table.skipped += 1
                continue
            }
            let formation = (entry.energy - reference) / entry.composition.totalAmount
            table.rows.append([id, label.description, entry.composition.entries.map { "\($0.element.symbol)\($0.amount)" }.joined(),
                               String(entry.energyPerAtom), String(formation)].joined(separator: ","))
        }
        return table
    }

    /// Σ μ_e n_e over the entry's elements, or nil when an element has no elemental entry.
    static func formationReference(_ entry: ComputedEntry, _ references: [Int: Double]) -> Double? {
        var reference = 0.0
        for element in entry.composition.entries {
            guard let mu = references[Int(element.z)] else { return nil }
            reference += mu * element.amount
        }
        return reference
    }
}
