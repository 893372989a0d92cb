/// Solves one chemical system of a `PatchedHull`, given the hull vertices of all its proper
/// subsystems (computed earlier, level by level).
///
/// Only points with every element of the system present ("own" points) are new here; the
/// boundary of the system's hull is the union of the subsystems' own vertices and the
/// elemental terminals. With `base` = those boundary vertices:
/// 1. per composition only the lowest own point can be a vertex; it is a candidate when it
///    lies below the hull of `base` by more than the tolerance (a point on or above the boundary
///    hull can never be a vertex, nor change the hull, so every other point is pruned);
/// 2. a candidate is a vertex when it lies below the hull of `base` + the other candidates
///    (that difference is its phase-separation energy);
/// 3. every own composition's hull energy is the program over `base` + the new vertices, solved
///    once per composition (and not at all when the system has no new vertex: then it is step 1's).
/// All programs of a system share one column matrix (`HullSimplex`); excluded columns are masked.
struct SystemHullSolver: Sendable {
    /// Result of one system: its own new vertices and the stability of each of its own points.
    struct Solution: Sendable {
        let vertices: [Int]
        let results: [(site: Int, stability: FormationStability)]
    }

    let sites: [HullSite]
    /// Terminal vertex (site index) per atomic number.
    let terminalOf: [Int: Int]
    /// Own hull vertices of every system solved so far.
    let ownVertices: [ChemicalSystem: [Int]]

    /// Solves `system` whose own points are `members` (site indices, input order).
    func solve(system: ChemicalSystem, members: [Int]) throws(HullError) -> Solution {
        var base: [Int] = []
        for z in system.atomicNumbers {
            guard let terminal = terminalOf[z] else { throw .missingElementalReference(PeriodicTableSymbol.symbol(z)) }
            base.append(terminal)
        }
        for subsystem in system.subsystems where subsystem.atomicNumbers.count > 1 && subsystem != system {
            base.append(contentsOf: ownVertices[subsystem] ?? [])
        }
        // Lowest point per composition (ties keep the first); own points' fractions are already over `system`.
        var lowestOf: [[Int64]: Int] = [:]
        var keys: [[Int64]] = []
        for member in members {
            let key = sites[member].compositionKey
            if let current = lowestOf[key] {
                if sites[member].energy < sites[current].energy { lowestOf[key] = member }
            } else {
                lowestOf[key] = member
                keys.append(key)
            }
        }
        let representatives = keys.compactMap { lowestOf[$0] }
        var program = HullSimplex(rows: system.atomicNumbers.count)
        for column in base { program.append(sites[column].vector(over: system), cost: sites[column].energy) }
        var baseHull: [Int: Hull] = [:]
        var candidates: [Int] = []
        for site in representatives {
            let hull = try solve(program, at: site, columns: base, excluded: nil)
            baseHull[site] = hull
            if sites[site].energy < hull.energy - PatchedHull.stabilityTolerance { candidates.append(site) }
        }
        // Vertex test: below the hull of the boundary and every other candidate.
        var separation: [Int: Double] = [:]
        var vertices: [Int] = []
        var columns = base
        for candidate in candidates {
            program.append(sites[candidate].fractions, cost: sites[candidate].energy)
            columns.append(candidate)
        }
        var excluded = [Bool](repeating: false, count: columns.count)
        for (offset, candidate) in candidates.enumerated() {
            var energy = sites[candidate].energy - (baseHull[candidate]?.energy ?? 0)
            if candidates.count > 1 {
                excluded[base.count + offset] = true
                let hull = try solve(program, at: candidate, columns: columns, excluded: excluded)
                energy = sites[candidate].energy - hull.energy
                excluded[base.count + offset] = false
            }
            separation[candidate] = energy
            if energy < -PatchedHull.stabilityTolerance { vertices.append(candidate) }
        }
        let vertexSet = Set(vertices)
        // Hull at every non-vertex composition: over the boundary and the vertices (candidates that are not vertices excluded).
        for (offset, candidate) in candidates.enumerated() where !vertexSet.contains(candidate) { excluded[base.count + offset] = true }
        var fullHull: [Int: Hull] = [:]
        for site in representatives where !vertexSet.contains(site) {
            if vertices.isEmpty {
                fullHull[site] = baseHull[site]
            } else {
                fullHull[site] = try solve(program, at: site, columns: columns, excluded: excluded)
            }
        }
        var results: [(site: Int, stability: FormationStability)] = []
        results.reserveCapacity(members.count)
        for member in members {
            let site = sites[member]
            guard let lowest = lowestOf[site.compositionKey] else { throw .solverFailed(id: site.id ?? site.formula) }
            if vertexSet.contains(lowest) {
                // The vertex itself, or a polymorph above it (phase separation relative to the hull without the composition).
                let above = site.energy - sites[lowest].energy
                let own = separation[lowest] ?? 0
                results.append((member, stability(of: member, above: above, stable: member == lowest,
                                                  decomposition: [(lowest, 1)], separation: above + own)))
                continue
            }
            guard let hull = fullHull[lowest] else { throw .solverFailed(id: site.id ?? site.formula) }
            let above = max(0, site.energy - hull.energy)
            results.append((member, stability(of: member, above: above, stable: false,
                                              decomposition: hull.weights, separation: above)))
        }
        return Solution(vertices: vertices, results: results)
    }

    /// A result for site `index`.
    func stability(of index: Int, above: Double, stable: Bool, decomposition: [(site: Int, weight: Double)],
                   separation: Double) -> FormationStability {
        let site = sites[index]
        let components = decomposition.map { item in
            FormationStability.Component(id: sites[item.site].id, formula: sites[item.site].formula, fraction: item.weight)
        }.sorted { $0.fraction > $1.fraction || ($0.fraction == $1.fraction && $0.formula < $1.formula) }
        return FormationStability(id: site.id ?? site.formula, chemicalSystem: site.system.description,
                                  formationEnergyPerAtom: site.energy, energyAboveHull: above, isStable: stable,
                                  decomposition: components, phaseSeparationEnergy: separation)
    }

    /// A hull energy and the vertices (site indices) below a composition, with their weights.
    typealias Hull = (energy: Double, weights: [(site: Int, weight: Double)])

    /// Solves `program` (whose columns are the sites `columns`) at own site `index`.
    private func solve(_ program: HullSimplex, at index: Int, columns: [Int], excluded: [Bool]?) throws(HullError) -> Hull {
        guard let solution = program.solve(target: sites[index].fractions, excluded: excluded) else {
            throw .solverFailed(id: sites[index].id ?? sites[index].formula)
        }
        return (solution.energy, solution.weights.map { (columns[$0.column], $0.weight) })
    }
}
