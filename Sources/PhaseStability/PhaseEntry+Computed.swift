import Crystal

extension PhaseEntry {
    /// Which energy of a pymatgen entry to use.
    public enum EnergyChoice: Sendable, Hashable {
        /// The energy as stored: uncorrected energy plus the entry's `correction`, labelled `scheme`
        /// (e.g. `MP2020` for Materials Project entries processed by `MaterialsProject2020Compatibility`).
        case corrected(scheme: String)
        /// The uncorrected energy, labelled `uncorrected`.
        case uncorrected
    }

    /// An entry from a pymatgen `ComputedEntry`; the id is `entry_id`, else `data.material_id`, else `fallbackID`.
    public init(_ computed: ComputedEntry, energy choice: EnergyChoice, fallbackID: String) {
        let id = computed.entryID ?? computed.materialID ?? fallbackID
        switch choice {
        case .corrected(let scheme):
            self.init(id: id, composition: computed.composition, energy: computed.energy, correctionScheme: scheme)
        case .uncorrected:
            self.init(id: id, composition: computed.composition, energy: computed.uncorrectedEnergy, correctionScheme: "uncorrected")
        }
    }
}
