/// The stability of one composition-level entry in a `PatchedHull`.
public struct FormationStability: Sendable, Hashable {
    /// One hull vertex of a decomposition and its share of the atoms.
    public struct Component: Sendable, Hashable {
        /// The vertex entry's id, or nil for an implicit elemental reference (formation energy 0).
        public let id: String?
        /// The vertex's reduced formula (e.g. `Fe2O3`, or `O` for a reference).
        public let formula: String
        /// Fraction of the atoms in this phase (the fractions sum to 1).
        public let fraction: Double
    }

    /// The entry's id.
    public let id: String
    /// The entry's chemical system, e.g. `Li-O-Fe` (atomic-number order).
    public let chemicalSystem: String
    /// Formation energy per atom as given (eV/atom).
    public let formationEnergyPerAtom: Double
    /// Distance above the lower convex hull of the system and its subsystems (eV/atom, ≥ 0).
    public let energyAboveHull: Double
    /// Whether the entry is a hull vertex.
    public let isStable: Bool
    /// The hull vertices below the entry's composition, by decreasing fraction (the entry itself when stable).
    public let decomposition: [Component]
    /// Energy relative to the hull of all other compositions (eV/atom): negative for stable
    /// compositions, equal to `energyAboveHull` for compositions that are not on the hull, and
    /// `energyAboveHull` for elements (pymatgen's `get_phase_separation_energy` convention).
    public let phaseSeparationEnergy: Double

    /// The decomposition as reduced formula → fraction (fractions of repeated formulas added).
    public var decompositionByFormula: [String: Double] {
        Dictionary(decomposition.map { ($0.formula, $0.fraction) }, uniquingKeysWith: +)
    }
}
