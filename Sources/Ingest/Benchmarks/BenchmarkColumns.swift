import Foundation

/// The role of every column of a structure benchmark table, decided from the header (and, for
/// value columns, from whether the column holds numbers).
struct BenchmarkColumns: Sendable {
    /// How a row's structure is given.
    enum StructureKind: String, Sendable {
        /// A whole CIF text (`cif` column; CDVAE's perov_5, MP-20, carbon-24).
        case cif
        /// A pymatgen `Structure.as_dict()`, as a Python repr or JSON (`structure` column; matminer, matbench).
        case pymatgen
        /// An aviary protostructure label and no coordinates (`protostructure` or `wyckoff` column; Wren inputs).
        case label
    }

    /// A column whose numbers become observations.
    struct Value: Sendable {
        let index: Int
        let header: String
        let property: String
        let unit: String?
    }

    let structure: (index: Int, kind: StructureKind)
    let id: Int?
    let formula: Int?
    let sites: Int?
    let values: [Value]
    /// Headers of columns that are none of these (text columns), recorded with the run.
    let ignored: [String]

    /// The layout name recorded with the run, e.g. `cif-csv`.
    func layout(format: String) -> String {
        let prefix = switch structure.kind { case .cif: "cif"; case .pymatgen: format == "csv" ? "matminer" : "matbench"; case .label: "wren" }
        return "\(prefix)-\(format == "csv" ? "csv" : "json")"
    }

    /// Known value columns: property name and unit.
    static let knownProperties: [String: (String, String?)] = [
        "e_f": ("formation_energy_per_atom", "eV/atom"), "e_form": ("formation_energy_per_atom", "eV/atom"),
        "formation_energy_per_atom": ("formation_energy_per_atom", "eV/atom"),
        "e_form_per_atom": ("formation_energy_per_atom", "eV/atom"),
        "e_above_hull": ("e_above_hull", "eV/atom"), "e_hull": ("e_above_hull", "eV/atom"),
        "formation_energy": ("formation_energy", "eV"),
        "heat_ref": ("heat_ref", "eV/atom"), "heat_all": ("heat_all", "eV/atom"),
        "dir_gap": ("dir_gap", "eV"), "ind_gap": ("ind_gap", "eV"), "band_gap": ("band_gap", "eV"), "gap pbe": ("band_gap", "eV"),
    ]

    /// Roles from `header`; a column holds numbers when one of `rows` has a number there.
    static func detect(header: [String], rows: [BenchmarkTable.Row], parameters: SourceParameters,
                       path: String) throws(IngestError) -> BenchmarkColumns {
        try detect(header: header, parameters: parameters, path: path) { index in
            rows.contains { row in
                guard let cell = row.cells.indices.contains(index) ? row.cells[index] : nil else { return false }
                return Double(cell.trimmingCharacters(in: .whitespaces)) != nil
            }
        }
    }

    /// Roles from `header`; `holdsNumbers(index)` says whether some row has a number in that
    /// column. Throws when no column gives a structure, or a named value column is missing.
    static func detect(header: [String], parameters: SourceParameters, path: String,
                       holdsNumbers: (Int) -> Bool) throws(IngestError) -> BenchmarkColumns {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func find(_ candidates: [String]) -> Int? {
            for candidate in candidates { if let index = names.firstIndex(of: candidate) { return index } }
            return nil
        }
        let structure: (Int, StructureKind)
        if let index = find(["cif"]) { structure = (index, .cif) }
        else if let index = find(["structure", "structures", "initial_structure", "final_structure"]) { structure = (index, .pymatgen) }
        else if let index = names.firstIndex(where: { $0.hasPrefix("protostructure") || $0.hasPrefix("wyckoff") }) { structure = (index, .label) }
        else {
            throw .header(path: path, message: "no structure column (expected cif, structure, protostructure or wyckoff)", columnsSeen: header)
        }
        let id = find(["material_id", "mpid", "task_id", "id", "name"])
        let formula = find(["formula", "composition", "pretty_formula", "formula_pretty", "reduced_formula"])
        if structure.1 == .label, formula == nil {
            throw .header(path: path, message: "a protostructure column needs a composition or formula column", columnsSeen: header)
        }
        let sites = find(["nsites", "n_sites"])
        let taken = Set([structure.0, id, formula, sites].compactMap { $0 })
        var values: [Value] = []
        var ignored: [String] = []
        for (index, name) in names.enumerated() where !taken.contains(index) {
            if let wanted = parameters.valueColumn, wanted.lowercased() != name { continue }
            let numeric = holdsNumbers(index)
            guard !name.isEmpty, name != "index", !name.hasPrefix("unnamed:"), numeric else {
                if !name.isEmpty { ignored.append(header[index]) }
                continue
            }
            let known = knownProperties[name]
            let property = parameters.valueColumn != nil ? (parameters.property ?? known?.0 ?? name) : (known?.0 ?? name)
            let unit = parameters.valueColumn != nil ? (parameters.unit ?? known?.1) : known?.1
            values.append(Value(index: index, header: header[index], property: property, unit: unit))
        }
        if let wanted = parameters.valueColumn, values.isEmpty {
            throw .header(path: path, message: "no numeric column \(wanted)", columnsSeen: header)
        }
        return BenchmarkColumns(structure: structure, id: id, formula: formula, sites: sites, values: values, ignored: ignored)
    }
}
