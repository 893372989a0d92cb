/// The stability of one entry relative to the lower convex hull of its chemical system.
public struct PhaseStability: Sendable, Hashable {
    /// One phase of a decomposition and its share of the atoms.
    public struct Component: Sendable, Hashable {
        /// The id of the hull vertex (an entry, or an external elemental reference).
        public let id: String
        /// Fraction of the atoms in this phase (the fractions sum to 1).
        public let fraction: Double
    }

    /// The entry's id.
    public let id: String
    /// Energy per atom as given (eV/atom).
    public let energyPerAtom: Double
    /// Formation energy per atom from the elemental references (eV/atom).
    public let formationEnergyPerAtom: Double
    /// Distance above the hull (eV/atom); 0 for stable entries.
    public let energyAboveHull: Double
    /// Whether the entry is a vertex of the hull.
    public let isStable: Bool
    /// The hull phases below the entry's composition, by decreasing fraction (the entry itself when stable).
    public let decomposition: [Component]
    /// For the lowest entry of each composition: its energy relative to the hull built without
    /// any entry of that composition (negative for stable phases, ≥ 0 otherwise); nil for the others.
    public let phaseSeparationEnergy: Double?
    /// The correction scheme the energies were computed with.
    public let correctionScheme: String
}
