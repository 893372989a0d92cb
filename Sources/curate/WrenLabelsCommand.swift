import ArgumentParser
import Crystal
import CurateIO
import Foundation

/// `curate wren-labels ENTRIES`: a Wren training table from pymatgen structure entries: one row
/// per entry with its protostructure label (spglib at 0.1 Å), energy per atom and formation
/// energy per atom against the file's lowest-energy elemental entries (corrected energies).
struct WrenLabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wren-labels",
        abstract: "Write id,protostructure,composition,energy_per_atom,formation_energy_per_atom for pymatgen structure entries.")

    @Argument(help: "A JSON list of pymatgen ComputedStructureEntry objects, optionally gzip-compressed.")
    var file: String

    func run() throws {
        let data: Data
        do {
            if file.hasSuffix(".gz") {
                data = try GzipReader(url: URL(fileURLWithPath: file)).readAll()
            } else {
                guard let contents = FileManager.default.contents(atPath: file) else { throw CommandFailure("\(file): cannot read file") }
                data = contents
            }
        } catch let error as CommandFailure {
            throw error
        } catch {
            throw CommandFailure("\(file): \(error)")
        }
        let entries: [ComputedEntry]
        do { entries = try PymatgenEntryReader.entries(json: data).map(\.entry) } catch {
            throw CommandFailure("\(file): \(error)")
        }
        var references: [Int: Double] = [:]
        for entry in entries where entry.composition.entries.count == 1 {
            guard let z = entry.composition.entries.first.map({ Int($0.z) }) else { continue }
            references[z] = min(references[z] ?? .infinity, entry.energyPerAtom)
        }
        print("id,protostructure,composition,energy_per_atom,formation_energy_per_atom")
        var skipped = 0
        for (index, entry) in entries.enumerated() {
            let id = entry.entryID ?? entry.materialID ?? "entry-\(index)"
            guard let structure = entry.structure?.structure,
                  let label = try? ProtostructureLabel(structure: structure) else {
                skipped += 1
                continue
            }
            var reference = 0.0
            var complete = true
            for element in entry.composition.entries {
                guard let mu = references[Int(element.z)] else { complete = false; break }
                reference += mu * element.amount
            }
            guard complete else { skipped += 1; continue }
            let formation = (entry.energy - reference) / entry.composition.totalAmount
            print([id, label.description, entry.composition.entries.map { "\($0.element.symbol)\($0.amount)" }.joined(),
                   String(entry.energyPerAtom), String(formation)].joined(separator: ","))
        }
        if skipped > 0 { printError("skipped \(skipped) entries without a structure, a label or elemental references") }
    }
}
