import Chemistry

/// A point of a `PatchedHull`: an entry, or an implicit elemental reference at formation energy 0.
struct HullSite: Sendable {
    /// The entry id; nil for an implicit elemental reference.
    let id: String?
    /// Reduced formula, used to name decomposition products.
    let formula: String
    /// The site's chemical system.
    let system: ChemicalSystem
    /// Atomic fractions aligned with `system.atomicNumbers`.
    let fractions: [Double]
    /// Formation energy per atom (eV/atom).
    let energy: Double

    /// A site for an entry.
    init(_ entry: FormationEntry) {
        let total = entry.composition.totalAmount
        let system = ChemicalSystem(entry.composition)
        var fractions = [Double](repeating: 0, count: system.atomicNumbers.count)
        for item in entry.composition.entries {
            if let position = system.atomicNumbers.firstIndex(of: Int(item.z)) { fractions[position] += item.amount / total }
        }
        self.id = entry.id
        self.formula = entry.composition.reducedFormula
        self.system = system
        self.fractions = fractions
        self.energy = entry.formationEnergyPerAtom
    }

    /// The implicit reference of element `z` (formation energy 0 by definition).
    init(referenceOf z: Int) {
        id = nil
        formula = PeriodicTableSymbol.symbol(z)
        system = ChemicalSystem(atomicNumbers: [z])
        fractions = [1]
        energy = 0
    }

    /// Composition identity within one system: fractions rounded to 1e-9.
    var compositionKey: [Int64] { fractions.map { Int64(($0 * 1e9).rounded()) } }

    /// The fraction vector over `target`'s elements (zeros for elements this site lacks).
    func vector(over target: ChemicalSystem) -> [Double] {
        var result = [Double](repeating: 0, count: target.atomicNumbers.count)
        for (position, z) in system.atomicNumbers.enumerated() {
            if let slot = target.atomicNumbers.firstIndex(of: z) { result[slot] = fractions[position] }
        }
        return result
    }
}
