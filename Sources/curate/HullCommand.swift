import ArgumentParser
import CurateApp
import Foundation
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

    func run() throws {
        guard let file else { return try runStore() }
        let result = try withStageProgress("hull", json: json) { progress in
            try HullWorkflow.file(path: file, energy: uncorrected ? .uncorrected : .corrected(scheme: scheme), progress: progress)
        }
        for row in result.rows {
            if json {
                try printJSON(row)
            } else {
                print(String(format: "%@\t%@\tE_f %.4f eV/atom\tE_hull %.4f eV/atom%@", row.id, row.formula,
                             row.formationEnergyPerAtom, row.energyAboveHull, row.stable ? "\tstable" : ""))
            }
        }
        if !json {
            printError("\(result.entries) entries, \(result.stable) on the hull; energies: \(result.correctionSchemes.joined(separator: ", "))")
        }
    }

    /// `curate hull --store`: one run over the store's observations.
    private func runStore() throws {
        var request = HullWorkflow.StoreRequest(storePath: StoreLocation.resolve(explicit: store))
        (request.sources, request.property, request.correction, request.chemsys) = (source, property, correction, chemsys)
        (request.requireElementalEntries, request.dryRun) = (requireElementalEntries, dryRun)
        if let workers { request.workers = workers }
        let result = try withStageProgress("hull", json: json) { progress in try HullWorkflow.store(request, progress: progress) }
        for row in quiet ? [] : result.rows {
            if json { try printJSON(row); continue }
            let products = row.decomposition.keys.sorted().map { String(format: "%@ %.3f", $0, row.decomposition[$0] ?? 0) }
            print(String(format: "%@\t%@\tE_f %.4f\tE_hull %.4f\tE_ps %.4f eV/atom%@\t%@", row.entryId, row.formula,
                         row.formationEnergyPerAtom, row.energyAboveHull, row.phaseSeparationEnergy,
                         row.stable ? "\tstable" : "", products.joined(separator: " + ")))
        }
        printError(Self.summary(result))
        printError(String(format: "timing: read %.3f s, hull %.3f s, write %.3f s", result.readSeconds, result.hullSeconds, result.writeSeconds))
    }

    private static func summary(_ result: HullWorkflow.StoreResult) -> String {
        var summary = "\(result.entries) entries (correction \(result.correction)) in \(result.chemicalSystems) chemical systems, \(result.stable) on the hull"
        if result.skipped > 0 { summary += "; \(result.skipped) observations skipped" }
        if !result.implicitReferences.isEmpty {
            summary += "; no elemental entry (implicit reference at 0 eV/atom) for \(result.implicitReferences.count) elements: "
                + result.implicitReferences.joined(separator: ",")
        }
        if let runId = result.runId {
            summary += result.reused ? "; identical to hull run \(runId) (nothing written)" : "; recorded as hull run \(runId)"
        }
        return summary
    }
}
