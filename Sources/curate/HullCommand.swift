import ArgumentParser
import Crystal
import CurateIO
import Curation
import Foundation
import PhaseStability
import Store

/// `curate hull FILE`: formation energies and energy above the convex hull of pymatgen entries;
/// `curate hull --store DB`: hulls over stored formation energies, written back as derived values.
struct HullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hull",
        abstract: "Energy above hull, decomposition and phase-separation energy (pymatgen entry JSON, or the store).",
        discussion: """
            FILE: energies are used as stored (uncorrected energy plus the entry's correction) and labelled with --scheme; \
            --uncorrected uses the uncorrected energies. Without FILE: the store's --property observations (formation \
            energy per atom, composition-level) of --source and one --correction scheme; results are recorded as a hull run \
            with derived values (unless --dry-run). Hulls are built per chemical system from that system and its subsystems.
            """)

    @Argument(help: "A JSON list (or dict) of pymatgen ComputedEntry / ComputedStructureEntry objects, optionally gzip-compressed; omit to use the store.")
    var file: String?

    @Option(name: .long, help: "Store file (default: $CURATE_STORE, else ./curate.sqlite); used when FILE is omitted.")
    var store: String?

    @Option(name: .long, parsing: .singleValue, help: "Source name (or kind/name) to use; repeatable; default all.")
    var source: [String] = []

    @Option(name: .long, help: "Observed property holding formation energies per atom (eV/atom).")
    var property = "formation_energy_per_atom"

    @Option(name: .long, help: "Correction scheme to use (required when the observations carry several; `unrecorded` for none).")
    var correction: String?

    @Option(name: .long, help: "Only entries whose elements lie within this system, e.g. Li-Fe-O.")
    var chemsys: String?

    @Flag(name: .long, help: "Fail, naming the elements, when an element has no elemental entry (default: implicit reference at 0).")
    var requireElementalEntries = false

    @Flag(name: .long, help: "Compute and print, but record nothing in the store.")
    var dryRun = false

    @Flag(name: .long, help: "Print only the summary (store mode).")
    var quiet = false

    @Option(name: .long, help: "Worker threads for independent chemical systems (default: active processors).")
    var workers: Int?

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

    struct StoreRow: Encodable {
        var observationId: Int
        var entryId: String
        var formula: String
        var chemicalSystem: String
        var formationEnergyPerAtom: Double
        var energyAboveHull: Double
        var phaseSeparationEnergy: Double
        var stable: Bool
        var decomposition: [String: Double]
    }

    func run() throws {
        guard let file else { return try runStore() }
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

extension HullCommand {
    /// `curate hull --store`: one run over the store's observations.
    func runStore() throws {
        let path = StoreLocation.resolve(explicit: store)
        let opened: CurateStore
        do {
            opened = try CurateStore(path: path)
        } catch {
            throw CommandFailure("cannot open store \(path): \(error)")
        }
        let report: StoreHullJob.Report
        do {
            report = try StoreHullJob.run(store: opened, sources: source, property: property, correction: correction, chemsys: chemsys,
                                          requireElementalEntries: requireElementalEntries, write: !dryRun,
                                          workers: workers ?? ProcessInfo.processInfo.activeProcessorCount,
                                          toolVersion: CurateVersion.current)
        } catch {
            throw CommandFailure("\(path): \(error)")
        }
        let selection = report.selection
        if !quiet {
            for (index, result) in report.hull.results.enumerated() {
                let row = StoreRow(observationId: selection.observationIds[index], entryId: selection.entryIds[index],
                                   formula: selection.entries[index].composition.reducedFormula,
                                   chemicalSystem: result.chemicalSystem, formationEnergyPerAtom: result.formationEnergyPerAtom,
                                   energyAboveHull: result.energyAboveHull, phaseSeparationEnergy: result.phaseSeparationEnergy,
                                   stable: result.isStable, decomposition: result.decompositionByFormula)
                if json {
                    try printJSON(row)
                } else {
                    let products = row.decomposition.keys.sorted().map { String(format: "%@ %.3f", $0, row.decomposition[$0] ?? 0) }
                    print(String(format: "%@\t%@\tE_f %.4f\tE_hull %.4f\tE_ps %.4f eV/atom%@\t%@", row.entryId, row.formula,
                                 row.formationEnergyPerAtom, row.energyAboveHull, row.phaseSeparationEnergy,
                                 row.stable ? "\tstable" : "", products.joined(separator: " + ")))
                }
            }
        }
        let stable = report.hull.results.filter(\.isStable).count
        var summary = "\(selection.entries.count) entries (correction \(selection.correction)) in \(report.hull.systemCount) chemical systems, \(stable) on the hull"
        if !selection.skipped.isEmpty { summary += "; \(selection.skipped.count) observations skipped" }
        if !report.hull.implicitReferences.isEmpty {
            summary += "; no elemental entry (implicit reference at 0 eV/atom) for \(report.hull.implicitReferences.count) elements: "
                + report.hull.implicitReferences.joined(separator: ",")
        }
        if let runId = report.runId {
            summary += report.reused ? "; identical to hull run \(runId) (nothing written)" : "; recorded as hull run \(runId)"
        }
        printError(summary)
        printError(String(format: "timing: read %.3f s, hull %.3f s, write %.3f s", report.readSeconds, report.hullSeconds,
                          report.writeSeconds))
    }
}
