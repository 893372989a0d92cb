import Chemistry

/// One calculated phase for stability analysis: a composition and its total energy, computed
/// under a named correction scheme.
public struct PhaseEntry: Sendable, Hashable {
    /// Identifier, unique within a set (e.g. `mp-1211097`).
    public let id: String
    /// The composition the energy refers to (any multiple of the formula unit).
    public let composition: Composition
    /// Total energy of `composition` (eV), with the corrections of `correctionScheme` applied.
    public let energy: Double
    /// Label of the correction state the energy was computed with, e.g. `MP2020`, `uncorrected`.
    public let correctionScheme: String

    /// Creates an entry from a total energy.
    public init(id: String, composition: Composition, energy: Double, correctionScheme: String) {
        self.id = id
        self.composition = composition
        self.energy = energy
        self.correctionScheme = correctionScheme
    }

    /// Creates an entry from an energy per atom.
    public init(id: String, composition: Composition, energyPerAtom: Double, correctionScheme: String) {
        self.init(id: id, composition: composition, energy: energyPerAtom * composition.totalAmount,
                  correctionScheme: correctionScheme)
    }

    /// Number of atoms in `composition`.
    public var atomCount: Double { composition.totalAmount }
    /// Energy per atom (eV/atom).
    public var energyPerAtom: Double { energy / composition.totalAmount }
    /// Whether the entry is a single element.
    public var isElemental: Bool { composition.elementCount == 1 }
}
