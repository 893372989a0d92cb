import Chemistry

/// Formation energies computed within one file: E/N − Σ xᵢ μᵢ with μᵢ the energy per atom of
/// the lowest-energy elemental entry of element i in the same group (SCIENCE.md §6: same
/// dataset, same calculation settings), as pymatgen's `PhaseDiagram.get_form_energy_per_atom`.
///
/// Entries are grouped by correction state: all entries of one scheme (a compatibility scheme
/// exists to make GGA and GGA+U energies comparable), and uncorrected entries per run type.
struct FormationEnergyReferences {
    /// One entry as the references see it.
    struct Member {
        let id: String
        let composition: Composition
        /// Total energy in the group's correction state (eV).
        let energy: Double
        var energyPerAtom: Double { energy / composition.totalAmount }
    }

    /// The reference entry per atomic number.
    private(set) var references: [Int: Member] = [:]

    /// The lowest-energy-per-atom elemental member per element (ties keep the first).
    init(_ members: [Member]) {
        for member in members where member.composition.elementCount == 1 {
            guard let z = member.composition.entries.first.map({ Int($0.z) }) else { continue }
            if let current = references[z], current.energyPerAtom <= member.energyPerAtom { continue }
            references[z] = member
        }
    }

    /// Formation energy per atom of `member` and the reference ids used, or nil when an
    /// element has no reference in the group.
    func formationEnergyPerAtom(_ member: Member) -> (value: Double, references: [String: String])? {
        var referenceEnergy = 0.0
        var used: [String: String] = [:]
        for item in member.composition.entries {
            guard let reference = references[Int(item.z)] else { return nil }
            referenceEnergy += item.amount * reference.energyPerAtom
            used[item.element.symbol] = reference.id
        }
        return ((member.energy - referenceEnergy) / member.composition.totalAmount, used)
    }
}
