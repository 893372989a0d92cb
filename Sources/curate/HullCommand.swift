import ArgumentParser
import Crystal
import Curation
import Foundation
import Ingest

/// `curate hull FILE`: formation energies and energy above the convex hull of pymatgen entries.
struct HullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hull",
        abstract: "Formation energy, energy above hull and decomposition for pymatgen ComputedEntry JSON (plain or .gz).",
        discussion: """
            Energies are used as stored (uncorrected energy plus the entry's correction) and labelled with --scheme; \
            --uncorrected uses the uncorrected energies. Hulls are built per chemical system from that system and its subsystems.
            """)

    @Argument(help: "A JSON list (or dict) of pymatgen ComputedEntry / ComputedStructureEntry objects, optionally gzip-compressed.")
    var file: String

    @Option(name: .long, help: "Label of the correction scheme the stored energies carry.")
    var scheme = "MP2020"

    @Flag(name: .long, help: "Use the uncorrected energies instead.")
    var uncorrected = false

    @Flag(name: .long, help: "Print one JSON object per entry.")
    var json = false

    struct Row: Encodable {
        var id: String
        var formula: String
        var energyPerAtom: Double
        var formationEnergyPerAtom: Double
        var energyAboveHull: Double
        var stable: Bool
        var decomposition: [String: Double]
        var correctionScheme: String
    }

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
            throw CommandFailure(String(describing: error))
        }
        let keyed: [PymatgenEntryReader.KeyedEntry]
        do {
            keyed = try PymatgenEntryReader.entries(json: data)
        } catch {
            throw CommandFailure("\(file): \(error)")
        }
        let choice: PhaseEntry.EnergyChoice = uncorrected ? .uncorrected : .corrected(scheme: scheme)
        let entries = keyed.enumerated().map { index, item in
            PhaseEntry(item.entry, energy: choice, fallbackID: item.key ?? "entry-\(index)")
        }
        let analysis: StabilityAnalysis
        do {
            analysis = try StabilityAnalysis(entries: entries)
        } catch {
            throw CommandFailure("\(file): \(error)")
        }
        let formulas = Dictionary(entries.map { ($0.id, $0.composition.reducedFormula) }, uniquingKeysWith: { first, _ in first })
        for result in analysis.results {
            let row = Row(id: result.id, formula: formulas[result.id] ?? "", energyPerAtom: result.energyPerAtom,
                          formationEnergyPerAtom: result.formationEnergyPerAtom, energyAboveHull: result.energyAboveHull,
                          stable: result.isStable,
                          decomposition: Dictionary(result.decomposition.map { ($0.id, $0.fraction) }, uniquingKeysWith: +),
                          correctionScheme: result.correctionScheme)
            if json {
                try printJSON(row)
            } else {
                print(String(format: "%@\t%@\tE_f %.4f eV/atom\tE_hull %.4f eV/atom%@", row.id, row.formula,
                             row.formationEnergyPerAtom, row.energyAboveHull, row.stable ? "\tstable" : ""))
            }
        }
        if !json {
            printError("\(entries.count) entries, \(analysis.stableIDs.count) on the hull; energies: \(analysis.correctionSchemes.joined(separator: ", "))")
        }
    }
}
