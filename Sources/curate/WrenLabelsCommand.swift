import ArgumentParser
import CurateApp

/// `curate wren-labels ENTRIES`: a Wren training table from pymatgen structure entries: one row
/// per entry with its protostructure label (spglib at 0.1 Å), energy per atom and formation
/// energy per atom against the file's lowest-energy elemental entries (corrected energies).
struct WrenLabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wren-labels",
        abstract: "Write id,protostructure,composition,energy_per_atom,formation_energy_per_atom for pymatgen structure entries.")

    @Argument(help: "A JSON list of pymatgen ComputedStructureEntry objects, optionally gzip-compressed.")
    var file: String

    @Flag(name: .long, help: "Print a JSON object with the rows and the count of skipped entries.")
    var json = false

    func run() throws {
        let table = try workflowStep { () throws(WorkflowError) in try WrenLabels.table(path: file) }
        if json { return try printJSON(table) }
        print(WrenLabels.header)
        for row in table.rows { print(row) }
        if table.skipped > 0 { printError("skipped \(table.skipped) entries without a structure, a label or elemental references") }
    }
}
