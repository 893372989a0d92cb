/// Database-specific OPTIMADE fields (`_<prefix>_<name>`) that carry DFT values, e.g.
/// `_oqmd_delta_e` (formation energy per atom), `_oqmd_stability` (hull distance),
/// `_oqmd_band_gap`, `_alexandria_e_above_hull`.
enum OptimadeProviderFields {
    /// What a provider field holds.
    struct Meaning {
        let property: String
        let unit: String
        /// Whether the value is an energy whose correction state is the provider's own.
        let isEnergy: Bool
    }

    /// Field names (after the prefix) → meaning.
    static let known: [String: Meaning] = {
        var table: [String: Meaning] = [:]
        for name in ["delta_e", "formation_energy_per_atom", "formation_energy", "e_form", "e_form_per_atom"] {
            table[name] = Meaning(property: "formation_energy_per_atom", unit: "eV/atom", isEnergy: true)
        }
        for name in ["stability", "e_above_hull", "energy_above_hull", "hull_distance", "ehull"] {
            table[name] = Meaning(property: "energy_above_hull", unit: "eV/atom", isEnergy: true)
        }
        for name in ["band_gap", "bandgap", "gap"] {
            table[name] = Meaning(property: "band_gap", unit: "eV", isEnergy: false)
        }
        table["energy_per_atom"] = Meaning(property: "energy_per_atom", unit: "eV/atom", isEnergy: true)
        return table
    }()

    /// The prefix and name of a provider field (`_oqmd_delta_e` → (`oqmd`, `delta_e`)), or nil.
    static func split(_ key: String) -> (prefix: String, name: String)? {
        guard key.hasPrefix("_") else { return nil }
        let rest = key.dropFirst()
        guard let underscore = rest.firstIndex(of: "_") else { return nil }
        let prefix = rest[..<underscore]
        let name = rest[rest.index(after: underscore)...]
        guard !prefix.isEmpty, !name.isEmpty else { return nil }
        return (String(prefix), String(name))
    }
}
