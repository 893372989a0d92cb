/// Whether a composition can be charge-neutral with oxidation states observed in known crystals
/// (the ICSD, as tabulated by pymatgen; `ObservedOxidationStates`).
///
/// Every element may take any mix of its observed states (mixed valence, as in the cuprates'
/// Cu²⁺/Cu³⁺), so the reachable total charges per formula unit form the interval
/// [Σ nᵢ·minᵢ, Σ nᵢ·maxᵢ]; the composition is neutral-capable when 0 lies in it.
///
/// The check only applies to ionic compositions: those holding an element all of whose observed
/// states are negative (O, F, Cl, …). Intermetallics and alloys (Nb₃Sn, MgB₂ …) are metallic, so
/// oxidation states say nothing about them, and compositions with an element that has no observed
/// state are not judged either.
public enum ChargeNeutrality {
    /// The outcome of a check.
    public enum Verdict: Sendable, Equatable {
        /// 0 lies within the reachable charges.
        case possible
        /// The reachable charges per formula unit as written (`low...high`) exclude 0.
        case impossible(low: Double, high: Double)
        /// The check does not apply (metallic composition, or an element without observed states).
        case notApplicable
    }

    /// The observed oxidation states of an element, ascending (empty where none is tabulated).
    public static func observedStates(z: Int) -> [Int] {
        guard z >= 1, z <= ObservedOxidationStates.byAtomicNumber.count else { return [] }
        return ObservedOxidationStates.byAtomicNumber[z - 1]
    }

    /// Checks `composition`; a tolerance of `relativeTolerance` × (total atoms) absorbs rounding
    /// in written amounts such as `O6.95`.
    public static func check(_ composition: Composition, relativeTolerance: Double = 1e-3) -> Verdict {
        var holdsAnion = false
        var low = 0.0, high = 0.0
        for entry in composition.entries {
            let states = observedStates(z: Int(entry.z))
            guard let minimum = states.first, let maximum = states.last else { return .notApplicable }
            if maximum < 0 { holdsAnion = true }
            low += entry.amount * Double(minimum)
            high += entry.amount * Double(maximum)
        }
        guard holdsAnion else { return .notApplicable }
        let tolerance = relativeTolerance * composition.totalAmount
        return low - tolerance <= 0 && 0 <= high + tolerance ? .possible : .impossible(low: low, high: high)
    }
}
