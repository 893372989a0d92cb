import Crystal
import Curation
import Foundation
import Ingest
import Store
import CurateIO
import PhaseStability

/// `curate hull FILE` (pymatgen entries) and `curate hull --store` (stored formation energies,
/// recorded as a hull run). Every hull type comes from `Curation` in this one file.
public enum HullWorkflow {
    /// One entry of a file's hull.
    public struct FileRow: Sendable, Equatable, Codable {
        public var id: String
        public var formula: String
        public var energyPerAtom: Double
        public var formationEnergyPerAtom: Double
        public var energyAboveHull: Double
        public var stable: Bool
        public var decomposition: [String: Double]
        public var correctionScheme: String
    }

    /// The hull of a file's entries.
    public struct FileResult: Sendable, Equatable, Codable {
        public var rows: [FileRow]
        public var entries: Int
        public var stable: Int
        /// The correction schemes of the energies used.
        public var correctionSchemes: [String]
    }

    /// Which energies of a pymatgen entry to use.
    public enum Energy: Sendable, Equatable {
        /// Uncorrected energy plus the entry's correction, labelled with `scheme`.
        case corrected(scheme: String)
        case uncorrected
    }

    /// Formation energies and energies above the hull of the pymatgen entries in `path` (JSON,
    /// optionally gzip-compressed).
    public static func file(path: String, energy: Energy = .corrected(scheme: "MP2020"), progress: WorkProgress? = nil) throws -> FileResult {
        progress?(WorkStage(index: 0, count: 2, label: "read the entries", file: path))
        let data = try step(path) { () throws -> Data in
            if path.hasSuffix(".gz") { return try GzipReader(url: URL(fileURLWithPath: path)).readAll() }
            guard let contents = FileManager.default.contents(atPath: path) else { throw WorkflowError("\(path): cannot read file") }
            return contents
        }
        let keyed = try step(path) { try PymatgenEntryReader.entries(json: data) }
        let choice: PhaseEntry.EnergyChoice
        switch energy {
        case .corrected(let scheme): choice = .corrected(scheme: scheme)
        case .uncorrected: choice = .uncorrected
        }
        let entries = keyed.enumerated().map { index, item in
            PhaseEntry(item.entry, energy: choice, fallbackID: item.key ?? "entry-\(index)")
        }
        progress?(WorkStage(index: 1, count: 2, label: "hull of \(entries.count) entries"))
        let analysis = try step(path) { try StabilityAnalysis(entries: entries) }
        let formulas = Dictionary(entries.map { ($0.id, $0.composition.reducedFormula) }, uniquingKeysWith: { first, _ in first })
        let rows = analysis.results.map { result in
            FileRow(id: result.id, formula: formulas[result.id] ?? "", energyPerAtom: result.energyPerAtom,
                    formationEnergyPerAtom: result.formationEnergyPerAtom, energyAboveHull: result.energyAboveHull,
                    stable: result.isStable,
                    decomposition: Dictionary(result.decomposition.map { ($0.id, $0.fraction) }, uniquingKeysWith: +),
                    correctionScheme: result.correctionScheme)
        }
        return FileResult(rows: rows, entries: entries.count, stable: analysis.stableIDs.count,
                          correctionSchemes: analysis.correctionSchemes)
    }

    /// What `curate hull --store` reads and how.
    public struct StoreRequest: Sendable, Equatable {
        public var storePath: String
        /// Source names (or kind/name); empty: all.
        public var sources: [String] = []
        public var property = "formation_energy_per_atom"
        /// The correction scheme (required when the observations carry several).
        public var correction: String?
        /// Only entries within this chemical system.
        public var chemsys: String?
        public var requireElementalEntries = false
        /// Record nothing when set.
        public var dryRun = false
        public var workers = ProcessInfo.processInfo.activeProcessorCount
        /// The tool version recorded with the run.
        public var toolVersion = CurateVersion.current

        public init(storePath: String) { self.storePath = storePath }
    }

    /// One stored observation's place on the hull.
    public struct StoreRow: Sendable, Equatable, Codable {
        public var observationId: Int
        public var entryId: String
        public var formula: String
        public var chemicalSystem: String
        public var formationEnergyPerAtom: Double
        public var energyAboveHull: Double
        public var phaseSeparationEnergy: Double
        public var stable: Bool
        public var decomposition: [String: Double]
    }

    /// A store hull run: its rows and summary.
    public struct StoreResult: Sendable, Equatable, Codable {
        public var rows: [StoreRow]
        public var entries: Int
        public var correction: String
        public var chemicalSystems: Int
        public var stable: Int
        public var skipped: Int
        /// Elements without an elemental entry (implicit reference at 0 eV/atom).
        public var implicitReferences: [String]
        /// The recorded (or identical earlier) run; nil for a dry run.
        public var runId: Int?
        /// Whether an identical earlier run was found and nothing written.
        public var reused: Bool
        public var readSeconds: Double
        public var hullSeconds: Double
        public var writeSeconds: Double
    }

    /// Builds the hull over the stored observations `request` selects and records it.
    public static func store(_ request: StoreRequest, progress: WorkProgress? = nil) throws -> StoreResult {
        let store = try StoreOpening.open(request.storePath)
        let report = try step(request.storePath) {
            try StoreHullJob.run(store: store, sources: request.sources, property: request.property, correction: request.correction,
                                 chemsys: request.chemsys, requireElementalEntries: request.requireElementalEntries,
                                 write: !request.dryRun, workers: request.workers, toolVersion: request.toolVersion,
                                 progress: progress)
        }
        let selection = report.selection
        let rows = report.hull.results.enumerated().map { index, result in
            StoreRow(observationId: selection.observationIds[index], entryId: selection.entryIds[index],
                     formula: selection.entries[index].composition.reducedFormula, chemicalSystem: result.chemicalSystem,
                     formationEnergyPerAtom: result.formationEnergyPerAtom, energyAboveHull: result.energyAboveHull,
                     phaseSeparationEnergy: result.phaseSeparationEnergy, stable: result.isStable,
                     decomposition: result.decompositionByFormula)
        }
        return StoreResult(rows: rows, entries: selection.entries.count, correction: selection.correction,
                           chemicalSystems: report.hull.systemCount, stable: rows.filter(\.stable).count,
                           skipped: selection.skipped.count, implicitReferences: report.hull.implicitReferences,
                           runId: report.runId, reused: report.reused, readSeconds: report.readSeconds,
                           hullSeconds: report.hullSeconds, writeSeconds: report.writeSeconds)
    }
}
