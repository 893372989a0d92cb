import Foundation

/// Energies above the convex hull for composition-level formation energies, per chemical system
/// over that system and its subsystems (a "patched" hull, SCIENCE.md §6), for datasets of any size.
///
/// Method: systems are solved in order of their number of elements, all systems of one size in
/// parallel. Each system sees only the hull vertices of its subsystems and its own points
/// (`SystemHullSolver`), so the work per system is a few small linear programs
/// (`HullLinearProgram`) and the total grows linearly with the number of systems. Elements
/// without an elemental entry get an implicit reference at formation energy 0 (formation
/// energies are relative to the elements by definition) and are listed in `implicitReferences`;
/// an elemental entry below 0 replaces the reference as the terminal vertex, as the lowest
/// elemental entry does in pymatgen. Results are identical for identical input, whatever the
/// number of workers.
public struct PatchedHull: Sendable {
    /// One result per entry, in input order.
    public let results: [FormationStability]
    /// Symbols of the elements that had no elemental entry (an implicit reference at 0 was used), sorted.
    public let implicitReferences: [String]
    /// Number of distinct chemical systems among the entries.
    public let systemCount: Int

    /// Energy below which a composition's lowest entry counts as a hull vertex (eV/atom).
    public static let stabilityTolerance = 1e-9

    /// Analyses `entries`. Throws `.missingElementalReferences` (all missing symbols) when
    /// `requireElementalEntries` and some element has no elemental entry; `.invalidEntry` for
    /// a non-finite energy or an empty composition; `.duplicateID` for a repeated id.
    public init(entries: [FormationEntry], requireElementalEntries: Bool = false,
                workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws(HullError) {
        var seen = Set<String>()
        var sites: [HullSite] = []
        sites.reserveCapacity(entries.count)
        for entry in entries {
            guard entry.formationEnergyPerAtom.isFinite, entry.composition.totalAmount > 0 else { throw .invalidEntry(id: entry.id) }
            guard seen.insert(entry.id).inserted else { throw .duplicateID(entry.id) }
            sites.append(HullSite(entry))
        }
        var membersOf: [ChemicalSystem: [Int]] = [:]
        for (index, site) in sites.enumerated() { membersOf[site.system, default: []].append(index) }
        let terminals = try ElementTerminals(sites: sites, membersOf: membersOf, requireElementalEntries: requireElementalEntries)
        sites = terminals.sites
        var slots = [FormationStability?](repeating: nil, count: entries.count)
        for (index, stability) in terminals.results { slots[index] = stability }

        var ownVertices: [ChemicalSystem: [Int]] = [:]
        let systems = membersOf.keys.filter { $0.atomicNumbers.count > 1 }.sorted {
            ($0.atomicNumbers.count, $0) < ($1.atomicNumbers.count, $1)
        }
        var start = 0
        while start < systems.count {
            let size = systems[start].atomicNumbers.count
            var end = start
            while end < systems.count && systems[end].atomicNumbers.count == size { end += 1 }
            let level = Array(systems[start..<end]).map { ($0, membersOf[$0] ?? []) }
            let solver = SystemHullSolver(sites: sites, terminalOf: terminals.terminalOf, ownVertices: ownVertices)
            let solutions = try ConcurrentSystemMap.map(level, workers: workers) { (item) throws(HullError) in
                try solver.solve(system: item.0, members: item.1)
            }
            for (item, solution) in zip(level, solutions) {
                if !solution.vertices.isEmpty { ownVertices[item.0] = solution.vertices }
                for (index, stability) in solution.results { slots[index] = stability }
            }
            start = end
        }
        var results: [FormationStability] = []
        results.reserveCapacity(slots.count)
        for (index, slot) in slots.enumerated() {
            guard let slot else { throw .solverFailed(id: entries[index].id) }
            results.append(slot)
        }
        self.results = results
        self.implicitReferences = terminals.implicitElements.map(PeriodicTableSymbol.symbol)
        self.systemCount = membersOf.count
    }

    /// The stable entries' ids, sorted.
    public var stableIDs: [String] { results.filter(\.isStable).map(\.id).sorted() }
}
