/// A point of composition–formation-energy space: an entry (or an external elemental
/// reference) reduced to atomic fractions and formation energy per atom.
struct HullPoint: Sendable {
    /// The entry or reference id.
    let id: String
    /// The point's chemical system.
    let system: ChemicalSystem
    /// Atomic fraction per atomic number.
    let fractions: [Int: Double]
    /// Formation energy per atom (eV/atom).
    let formationEnergy: Double

    /// Composition identity: fractions rounded to 1e-9, so multiples of one formula coincide.
    var compositionKey: [Int64] {
        system.atomicNumbers.flatMap { z in [Int64(z), Int64(((fractions[z] ?? 0) * 1e9).rounded())] }
    }

    /// The fraction vector over `system`'s elements, in its order.
    func vector(over system: ChemicalSystem) -> [Double] {
        system.atomicNumbers.map { fractions[$0] ?? 0 }
    }
}
