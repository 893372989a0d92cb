import Chemistry
import PhaseStability

/// Signed distances of new compositions to the convex hull of known reference entries
/// (ΔE_hull; negative below the known hull), with the project's patched hull (`PatchedHull`).
///
/// Method: the hull of the references is evaluated at each query composition by adding one
/// probe entry per query at a formation energy `probeEnergy` (eV/atom) far above every
/// reference and the elemental terminals (which sit at 0 or below): a probe is never a hull
/// vertex, so probes do not change the hull or each other, and the hull energy at the query is
/// `probeEnergy − energyAboveHull(probe)`. Then ΔE_hull = E_f(query) − hull energy.
/// Only references in the queries' chemical systems and their subsystems are used.
public struct KnownHullDistance: Sendable {
    /// The hull energy (eV/atom) at each query composition, in query order.
    public let hullEnergies: [Double]
    /// Elements of the queries with no elemental reference (an implicit reference at 0 was used).
    public let implicitReferences: [String]
    /// References used (those in the queries' systems and subsystems).
    public let referenceCount: Int

    /// Evaluates the hull of `references` at `compositions`. Throws `ScreeningError.hull` when
    /// the hull code refuses the entries (non-finite energy, repeated id).
    public init(references: [FormationEntry], compositions: [Composition], probeEnergy: Double = 1000) throws(ScreeningError) {
        let systems = Set(compositions.map { Set($0.elements.map(\.z)) })
        let usable = references.filter { reference in
            let elements = Set(reference.composition.elements.map(\.z))
            return systems.contains { elements.isSubset(of: $0) }
        }
        let probes = compositions.enumerated().map { index, composition in
            FormationEntry(id: "\u{0}probe-\(index)", composition: composition, formationEnergyPerAtom: probeEnergy)
        }
        let hull: PatchedHull
        do { hull = try PatchedHull(entries: usable + probes) } catch { throw .hull(error.description) }
        hullEnergies = hull.results.suffix(probes.count).map { probeEnergy - $0.energyAboveHull }
        implicitReferences = hull.implicitReferences
        referenceCount = usable.count
    }

    /// ΔE_hull of a formation energy at query `index`.
    public func distance(formationEnergyPerAtom value: Double, at index: Int) -> Double {
        value - hullEnergies[index]
    }
}
