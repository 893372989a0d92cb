/// The patched hull: hull points indexed by chemical system, the lowest point per composition,
/// and the hull vertices found among them (see `StabilityAnalysis` for the method).
struct HullIndex {
    /// Entry points followed by external terminal points.
    private let points: [HullPoint]
    /// Lowest point per composition, by system.
    private var lowestBySystem: [ChemicalSystem: [Int]] = [:]
    /// Hull vertices by system.
    private var verticesBySystem: [ChemicalSystem: [Int]] = [:]
    /// The vertex of each element (its lowest elemental point), by atomic number.
    private var terminalOf: [Int: Int] = [:]
    /// Whether point i is the lowest of its composition, and then its phase-separation energy.
    private var phaseSeparation: [Int: Double?] = [:]
    /// Hull vertices.
    private var isVertex = Set<Int>()

    /// Builds the index and classifies the lowest point of every composition.
    init(points entryPoints: [HullPoint], terminals: [HullPoint]) throws(HullError) {
        points = entryPoints + terminals
        var lowestByComposition: [[Int64]: Int] = [:]
        var order: [[Int64]] = []
        for (index, point) in points.enumerated() {
            let key = point.compositionKey
            if let current = lowestByComposition[key] {
                if point.formationEnergy < points[current].formationEnergy { lowestByComposition[key] = index }
            } else {
                lowestByComposition[key] = index
                order.append(key)
            }
        }
        for key in order {
            guard let index = lowestByComposition[key] else { continue }
            lowestBySystem[points[index].system, default: []].append(index)
            if points[index].system.atomicNumbers.count == 1 {
                terminalOf[points[index].system.atomicNumbers[0]] = index
                isVertex.insert(index)
                phaseSeparation[index] = .some(nil)
            }
        }
        for key in order {
            guard let index = lowestByComposition[key], points[index].system.atomicNumbers.count > 1 else { continue }
            let candidates = try columns(for: points[index].system, from: lowestBySystem, excluding: index)
            guard let hull = Self.hullEnergy(at: points[index], columns: candidates, points: points) else {
                throw .solverFailed(id: points[index].id)
            }
            let separation = points[index].formationEnergy - hull.energy
            phaseSeparation[index] = separation
            if separation < -StabilityAnalysis.stabilityTolerance { isVertex.insert(index) }
        }
        for index in isVertex.sorted() { verticesBySystem[points[index].system, default: []].append(index) }
    }

    /// The stability of entry point `index`.
    func stability(of index: Int, entry: PhaseEntry) throws(HullError) -> PhaseStability {
        let point = points[index]
        let separation = phaseSeparation[index] ?? nil
        let stable = isVertex.contains(index)
        var decomposition: [PhaseStability.Component] = [.init(id: point.id, fraction: 1)]
        var above = 0.0
        if !stable {
            let candidates = try columns(for: point.system, from: verticesBySystem, excluding: nil)
            guard let hull = Self.hullEnergy(at: point, columns: candidates, points: points) else {
                throw .solverFailed(id: point.id)
            }
            above = point.formationEnergy - hull.energy
            decomposition = hull.weights.map { PhaseStability.Component(id: points[$0.point].id, fraction: $0.weight) }
                .sorted { $0.fraction > $1.fraction || ($0.fraction == $1.fraction && $0.id < $1.id) }
        }
        return PhaseStability(id: point.id, energyPerAtom: entry.energyPerAtom, formationEnergyPerAtom: point.formationEnergy,
                              energyAboveHull: above, isStable: stable, decomposition: decomposition,
                              phaseSeparationEnergy: separation, correctionScheme: entry.correctionScheme)
    }

    /// LP columns for `system`: the elemental terminals first (in the system's order), then the
    /// indexed points of every subsystem with two or more elements, minus `excluded`.
    private func columns(for system: ChemicalSystem, from index: [ChemicalSystem: [Int]],
                         excluding excluded: Int?) throws(HullError) -> [Int] {
        var result: [Int] = []
        for z in system.atomicNumbers {
            guard let terminal = terminalOf[z] else {
                throw .missingElementalReference(PeriodicTableSymbol.symbol(z))
            }
            result.append(terminal)
        }
        for subsystem in system.subsystems where subsystem.atomicNumbers.count > 1 {
            for candidate in index[subsystem] ?? [] where candidate != excluded { result.append(candidate) }
        }
        return result
    }

    /// Solves the hull program at `point` over `columns` (indices into `points`).
    private static func hullEnergy(at point: HullPoint, columns: [Int], points: [HullPoint])
        -> (energy: Double, weights: [(point: Int, weight: Double)])? {
        let program = HullLinearProgram(columns: columns.map { points[$0].vector(over: point.system) },
                                        costs: columns.map { points[$0].formationEnergy })
        guard let solution = program.solve(target: point.vector(over: point.system)) else { return nil }
        return (solution.energy, solution.weights.map { (columns[$0.column], $0.weight) })
    }
}
