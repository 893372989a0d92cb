import Chemistry

/// One composition-level hull point: a formation energy per atom at a composition, relative
/// to the elements (a store observation, a table row, or a `PhaseEntry` already referenced).
///
/// Composition-only rows are valid hull points: no structure or total energy is needed.
public struct FormationEntry: Sendable, Hashable {
    /// Identifier, unique within one analysis (an entry id such as `mp-1234`, or `source:locator`).
    public let id: String
    /// The composition (any multiple of the formula unit).
    public let composition: Composition
    /// Formation energy per atom (eV/atom) relative to the elemental references.
    public let formationEnergyPerAtom: Double

    /// Creates an entry.
    public init(id: String, composition: Composition, formationEnergyPerAtom: Double) {
        self.id = id
        self.composition = composition
        self.formationEnergyPerAtom = formationEnergyPerAtom
    }
}
