import Chemistry

/// Chemical potentials μ_i: the energy per atom of each element's lowest-energy elemental entry.
///
/// Formation energy per atom of an entry is E/N − Σ x_i μ_i (SCIENCE.md §6).
public struct ElementalReferences: Sendable, Hashable {
    /// The chosen reference entry per atomic number.
    public let entries: [Int: PhaseEntry]

    /// The lowest-energy-per-atom elemental entry for each element among `candidates`
    /// (non-elemental entries are ignored; ties keep the first).
    public init(lowestOf candidates: [PhaseEntry]) {
        var best: [Int: PhaseEntry] = [:]
        for entry in candidates where entry.isElemental {
            guard let z = entry.composition.entries.first.map({ Int($0.z) }) else { continue }
            if let current = best[z], current.energyPerAtom <= entry.energyPerAtom { continue }
            best[z] = entry
        }
        entries = best
    }

    /// μ for atomic number `z`, if a reference exists.
    public func chemicalPotential(z: Int) -> Double? { entries[z]?.energyPerAtom }

    /// Formation energy per atom of `entry` (eV/atom); throws when an element has no reference.
    public func formationEnergyPerAtom(of entry: PhaseEntry) throws(HullError) -> Double {
        let total = entry.composition.totalAmount
        var reference = 0.0
        for item in entry.composition.entries {
            guard let mu = chemicalPotential(z: Int(item.z)) else {
                throw .missingElementalReference(item.element.symbol)
            }
            reference += item.amount / total * mu
        }
        return entry.energyPerAtom - reference
    }
}
