import Chemistry
import PhaseStability

/// Reads known formation energies for the reference hull of `curate screen`: a CSV with a
/// composition column (`composition` or `formula`), a formation energy column
/// (`formation_energy_per_atom`, eV/atom) and optionally an id column (`id`, `task_id`,
/// `material_id`; line numbers otherwise), e.g. `mp/roost-mp-formation.csv`.
public enum ReferenceTable {
    /// Loads `path`; throws `ScreeningError` with file, line and field for an unparsable
    /// formula or energy.
    public static func load(path: String) throws(ScreeningError) -> [FormationEntry] {
        let table = try DiscoveryTable(path: path)
        let idIndex = table.column(["id", "task_id", "material_id"])
        guard let compositionIndex = table.column(["composition", "formula"]) else {
            throw .missingColumn(path: path, column: "composition", available: table.header)
        }
        let energyIndex = try table.required("formation_energy_per_atom")
        var entries: [FormationEntry] = []
        var seen = Set<String>()
        for row in table.rows {
            let formula = table.text(row, compositionIndex)
            let composition: Composition
            do { composition = try Composition(formula: formula) } catch {
                throw .invalidField(path: path, line: row.line, field: table.header[compositionIndex], value: formula, reason: "\(error)")
            }
            var id = idIndex.map { table.text(row, $0) } ?? "line-\(row.line)"
            if !seen.insert(id).inserted { id += "@line-\(row.line)" }
            entries.append(FormationEntry(id: id, composition: composition, formationEnergyPerAtom: try table.number(row, energyIndex)))
        }
        return entries
    }
}
