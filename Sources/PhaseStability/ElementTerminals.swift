/// The single-element level of a `PatchedHull`: the terminal vertex of every element (its lowest
/// elemental entry, or an implicit reference at formation energy 0 when no entry lies at or
/// below 0; with `requireElementalEntries` always the lowest entry, and an error naming every
/// element without one) and the results of the elemental entries.
struct ElementTerminals {
    /// The input sites followed by any implicit references.
    let sites: [HullSite]
    /// Terminal site index per atomic number.
    let terminalOf: [Int: Int]
    /// Results of the elemental entries (site index, stability).
    let results: [(Int, FormationStability)]
    /// Atomic numbers without any elemental entry, ascending.
    let implicitElements: [Int]

    init(sites input: [HullSite], membersOf: [ChemicalSystem: [Int]], requireElementalEntries: Bool) throws(HullError) {
        var sites = input
        var elements = Set<Int>()
        for system in membersOf.keys { elements.formUnion(system.atomicNumbers) }
        var terminalOf: [Int: Int] = [:]
        var results: [(Int, FormationStability)] = []
        let implicit = elements.sorted().filter { (membersOf[ChemicalSystem(atomicNumbers: [$0])] ?? []).isEmpty }
        if requireElementalEntries && !implicit.isEmpty {
            throw .missingElementalReferences(implicit.map(PeriodicTableSymbol.symbol))
        }
        for z in elements.sorted() {
            let members = membersOf[ChemicalSystem(atomicNumbers: [z])] ?? []
            // Lowest elemental entry (ties keep the first); an implicit reference when none is ≤ 0.
            var lowest: Int?
            for member in members where lowest.map({ sites[member].energy < sites[$0].energy }) ?? true { lowest = member }
            if let lowest, requireElementalEntries || sites[lowest].energy <= 0 {
                terminalOf[z] = lowest
            } else {
                terminalOf[z] = sites.count
                sites.append(HullSite(referenceOf: z))
            }
            guard let terminal = terminalOf[z] else { continue }
            let solver = SystemHullSolver(sites: sites, terminalOf: terminalOf, ownVertices: [:])
            for member in members {
                let above = sites[member].energy - sites[terminal].energy
                results.append((member, solver.stability(of: member, above: above, stable: member == terminal,
                                                         decomposition: [(terminal, 1)], separation: above)))
            }
        }
        self.sites = sites
        self.terminalOf = terminalOf
        self.results = results
        self.implicitElements = implicit
    }
}
