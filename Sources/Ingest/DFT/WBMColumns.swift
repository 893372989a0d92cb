/// The columns of a WBM summary table and what each value column means.
///
/// Two published layouts: the raw tab-separated summary (`# comp, nsites, vol, e, e_form,
/// e_hull, gap, id`; with or without that header) and the widely used CSV (`material_id,
/// formula, n_sites, volume, uncorrected_energy, e_form_per_atom_wbm, e_above_hull_wbm,
/// bandgap_pbe, …, e_form_per_atom_mp2020_corrected, e_above_hull_mp2020_corrected_ppd_mp`,
/// protostructure columns), of which files with a subset of the columns (such as model
/// benchmark outputs) are a special case. Columns that are neither known values nor metadata
/// (model predictions, fingerprints) are ignored and listed in the run's options.
struct WBMColumns: Sendable {
    /// What one value column holds.
    struct ValueColumn: Sendable {
        /// Index in the row.
        let index: Int
        /// Header as written.
        let header: String
        /// Store property.
        let property: String
        /// Unit of the stored value.
        let unit: String
        /// Conditions (JSON texts): above all the correction scheme.
        let conditions: [String: String]
        /// A total energy for the cell, stored per atom (divided by the formula's atom count).
        let totalForCell: Bool
    }

    /// `wbm-summary-csv` or `wbm-summary-tsv`.
    let layout: String
    /// Header names (the standard names for a headerless file).
    let names: [String]
    /// Whether the first row is data (a headerless raw summary).
    let firstRowIsData: Bool
    let id: Int
    let formula: Int
    let sites: Int?
    let volume: Int?
    let values: [ValueColumn]
    /// Columns kept as metadata (protostructure labels, the CSE energy), by metadata key.
    let metadata: [(index: Int, key: String)]
    /// Columns not used.
    let ignored: [String]

    private static func scheme(_ label: String, _ extra: [String: String] = [:]) -> [String: String] {
        extra.merging(["correction": DFTJSON.string(label)]) { _, new in new }
    }

    /// Value columns by normalised header: (property, unit, conditions, total-for-cell).
    static let knownValues: [String: (String, String, [String: String], Bool)] = [
        "uncorrected_energy": ("energy_per_atom", "eV/atom", scheme(CorrectionLabel.none), true),
        "e": ("energy_per_atom", "eV/atom", scheme(CorrectionLabel.none), true),
        "e_form_per_atom_wbm": ("formation_energy_per_atom", "eV/atom", scheme(CorrectionLabel.wbmPublished), false),
        "e_form": ("formation_energy_per_atom", "eV/atom", scheme(CorrectionLabel.wbmPublished), false),
        "e_above_hull_wbm": ("energy_above_hull", "eV/atom", scheme(CorrectionLabel.wbmPublished), false),
        "e_hull": ("energy_above_hull", "eV/atom", scheme(CorrectionLabel.wbmPublished), false),
        "bandgap_pbe": ("band_gap", "eV", ["functional": DFTJSON.string("PBE")], false),
        "gap": ("band_gap", "eV", ["functional": DFTJSON.string("PBE")], false),
        "e_correction_per_atom_mp2020": ("energy_correction_per_atom", "eV/atom", scheme(CorrectionLabel.mp2020), false),
        "e_correction_per_atom_mp_legacy": ("energy_correction_per_atom", "eV/atom", scheme(CorrectionLabel.mpLegacy), false),
        "e_form_per_atom_uncorrected": ("formation_energy_per_atom", "eV/atom", scheme(CorrectionLabel.none), false),
        "e_form_per_atom_mp2020_corrected": ("formation_energy_per_atom", "eV/atom", scheme(CorrectionLabel.mp2020), false),
        "e_above_hull_mp2020_corrected_ppd_mp": ("energy_above_hull", "eV/atom",
                                                 scheme(CorrectionLabel.mp2020, ["hull": DFTJSON.string("mp_ppd")]), false),
        "e_above_hull_uncorrected_ppd_mp": ("energy_above_hull", "eV/atom",
                                            scheme(CorrectionLabel.none, ["hull": DFTJSON.string("mp_ppd")]), false),
        "e_above_hull_legacy_corrected_ppd_mp": ("energy_above_hull", "eV/atom",
                                                 scheme(CorrectionLabel.mpLegacy, ["hull": DFTJSON.string("mp_ppd")]), false),
    ]

    /// Columns kept as metadata, by normalised header → metadata key.
    static let metadataColumns: [String: String] = [
        "uncorrected_energy_from_cse": "uncorrected_energy_from_cse",
        "unique_prototype": "unique_prototype",
    ]

    /// Standard names of the raw summary's eight columns (for a headerless file).
    static let rawSummaryNames = ["# comp", "nsites", "vol", "e", "e_form", "e_hull", "gap", "id"]

    /// Identifies the columns from the first row, or explains why it cannot.
    static func detect(firstRow: [String], path: String) throws(IngestError) -> WBMColumns {
        let cleaned = firstRow.map { FieldText.clean($0).text }
        var names = cleaned
        var firstRowIsData = false
        if cleaned.count == rawSummaryNames.count, let last = cleaned.last, case .success = WBMMaterialID.parse(last) {
            names = rawSummaryNames
            firstRowIsData = true
        }
        let normalised = names.map { $0.lowercased() }
        func find(_ candidates: [String]) -> Int? { candidates.lazy.compactMap { normalised.firstIndex(of: $0) }.first }
        let isRaw = normalised.contains("# comp") || normalised.contains("#comp")
        guard let id = find(["material_id", "id"]) else {
            throw .header(path: path, message: "no material id column (expected material_id, or id in the raw summary)", columnsSeen: names)
        }
        guard let formula = find(["formula", "# comp", "#comp", "composition"]) else {
            throw .header(path: path, message: "no formula column (expected formula, or # comp in the raw summary)", columnsSeen: names)
        }
        let sites = find(["n_sites", "nsites"])
        let volume = find(["volume", "vol"])
        var values: [ValueColumn] = []
        var metadata: [(Int, String)] = []
        var ignored: [String] = []
        for (index, name) in normalised.enumerated() where ![id, formula, sites, volume].contains(index) {
            if let known = knownValues[name], isRaw || !["e", "e_form", "e_hull", "gap"].contains(name) {
                values.append(ValueColumn(index: index, header: names[index], property: known.0, unit: known.1,
                                          conditions: known.2, totalForCell: known.3))
            } else if let key = metadataColumns[name] {
                metadata.append((index, key))
            } else if name.hasPrefix("wyckoff") || name.hasPrefix("protostructure") {
                metadata.append((index, name))
            } else if !name.isEmpty && !name.hasPrefix("unnamed:") {
                ignored.append(names[index])
            }
        }
        guard !values.isEmpty else {
            throw .header(path: path, message: "no DFT value column (expected e.g. uncorrected_energy, e_form_per_atom_mp2020_corrected, e_above_hull_wbm)",
                          columnsSeen: names)
        }
        return WBMColumns(layout: isRaw ? "wbm-summary-tsv" : "wbm-summary-csv", names: names, firstRowIsData: firstRowIsData,
                          id: id, formula: formula, sites: sites, volume: volume, values: values,
                          metadata: metadata.map { (index: $0.0, key: $0.1) }, ignored: ignored)
    }
}
