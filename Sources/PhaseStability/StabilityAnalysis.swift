import Chemistry

/// Thermodynamic stability of a set of entries (SCIENCE.md §6): formation energies, the lower
/// convex hull per chemical system, energies above hull, decompositions and phase-separation energies.
///
/// Method: no hull is ever triangulated. The hull energy at a composition x of system S is the
/// linear program min Σ λ_k e_k subject to Σ λ_k x_k = x, λ ≥ 0 over the points of S and its
/// subsystems (`HullLinearProgram`); it is exact in any dimension and handles collinear and
/// coplanar points, single-element systems and systems whose compounds are all unstable. The
/// analysis is "patched": each program sees only the entries of the target's system and its
/// subsystems, found by enumerating the 2^n − 1 subsystems in an index, so the cost grows with
/// the number of systems, never as one global hull.
///
/// 1. μ_i = energy per atom of the lowest elemental entry (or of a given reference list).
/// 2. Per composition only the lowest-energy entry can be a vertex. It is stable when its
///    energy lies below the hull of all other compositions by more than `stabilityTolerance`
///    (that difference is its phase-separation energy); elemental minima are always vertices.
/// 3. Each entry's hull energy is then the program over the stable vertices only, so the
///    decomposition names hull vertices as pymatgen's `PhaseDiagram.get_decomposition` does.
public struct StabilityAnalysis: Sendable {
    /// Results keyed by entry id, and in the input order.
    public let results: [PhaseStability]
    /// The elemental references used for formation energies.
    public let references: ElementalReferences
    /// The correction scheme(s) of the entries, sorted.
    public let correctionSchemes: [String]

    /// Energy below which a composition's lowest entry counts as a hull vertex (eV/atom).
    public static let stabilityTolerance = 1e-9

    /// Analyses `entries`. References default to the lowest elemental entries of `entries`; a
    /// given list supplies μ instead and its elements join the hull as terminal points where the
    /// entries lack a lower one. Throws on mixed correction schemes unless `allowMixedSchemes`.
    public init(entries: [PhaseEntry], references given: [PhaseEntry]? = nil,
                allowMixedSchemes: Bool = false) throws(HullError) {
        let schemes = Set((entries + (given ?? [])).map(\.correctionScheme)).sorted()
        if schemes.count > 1 && !allowMixedSchemes { throw .mixedCorrectionSchemes(schemes) }
        var seen = Set<String>()
        for entry in entries {
            guard entry.energy.isFinite, entry.composition.totalAmount > 0 else { throw .invalidEntry(id: entry.id) }
            guard seen.insert(entry.id).inserted else { throw .duplicateID(entry.id) }
        }
        let references = ElementalReferences(lowestOf: given ?? entries)
        var points: [HullPoint] = []
        for entry in entries {
            let total = entry.composition.totalAmount
            var fractions: [Int: Double] = [:]
            for item in entry.composition.entries { fractions[Int(item.z)] = item.amount / total }
            points.append(HullPoint(id: entry.id, system: ChemicalSystem(entry.composition), fractions: fractions,
                                    formationEnergy: try references.formationEnergyPerAtom(of: entry)))
        }
        let terminals = Self.externalTerminals(references: references, given: given, points: points)
        let hull = try HullIndex(points: points, terminals: terminals)
        var results: [PhaseStability] = []
        results.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            results.append(try hull.stability(of: index, entry: entry))
        }
        self.results = results
        self.references = references
        self.correctionSchemes = schemes
    }

    /// The result for `id`, if that entry was analysed.
    public func result(id: String) -> PhaseStability? { results.first { $0.id == id } }

    /// The stable entries' ids, sorted.
    public var stableIDs: [String] { results.filter(\.isStable).map(\.id).sorted() }

    /// Terminal points (formation energy 0) for given references whose element has no entry at
    /// or below the reference energy.
    private static func externalTerminals(references: ElementalReferences, given: [PhaseEntry]?,
                                          points: [HullPoint]) -> [HullPoint] {
        guard given != nil else { return [] }
        var lowest: [Int: Double] = [:]
        for point in points where point.system.atomicNumbers.count == 1 {
            let z = point.system.atomicNumbers[0]
            lowest[z] = min(lowest[z] ?? .infinity, point.formationEnergy)
        }
        return references.entries.keys.sorted().compactMap { z in
            guard let reference = references.entries[z], (lowest[z] ?? .infinity) > 0 else { return nil }
            return HullPoint(id: reference.id, system: ChemicalSystem(atomicNumbers: [z]), fractions: [z: 1], formationEnergy: 0)
        }
    }
}
