import Chemistry

/// One row of a `curate screen` candidates file.
public struct ScreeningCandidate: Sendable, Hashable {
    /// Identifier.
    public let id: String
    /// Protostructure label.
    public let protostructure: String
    /// Composition implied by the label.
    public let composition: Composition
    /// Line in the file.
    public let line: Int
    /// True energy above the known hull, when the file gives `e_above_hull`.
    public let trueEnergyAboveHull: Double?
    /// True formation energy per atom, when the file gives `formation_energy_per_atom`.
    public let trueFormationEnergy: Double?
}

/// Reads candidates: CSV `id,protostructure` plus optionally the truth, `e_above_hull` (eV/atom,
/// relative to the known hull) or `formation_energy_per_atom` (then the truth's distance to the
/// same reference hull is computed). Extra columns (e.g. those `curate candidates` writes) are ignored.
public enum ScreeningCandidateTable {
    /// Loads `path`; every label must be valid (multiplicities reproduce its formula).
    public static func load(path: String) throws(ScreeningError) -> [ScreeningCandidate] {
        let table = try DiscoveryTable(path: path)
        let idIndex = table.column(["id", "material_id", "task_id"])
        let labelIndex = try table.required("protostructure")
        let hullIndex = table.column(["e_above_hull", "energy_above_hull"])
        let energyIndex = table.column(["formation_energy_per_atom"])
        var result: [ScreeningCandidate] = []
        for row in table.rows {
            let label = table.text(row, labelIndex)
            guard let composition = ProtostructureValidity.composition(label: label) else {
                let reason = (try? SiteAssignment(label: label)) == nil ? "not a protostructure label" : "the multiplicities do not give a composition"
                throw .invalidField(path: path, line: row.line, field: "protostructure", value: label, reason: reason)
            }
            if let problem = ProtostructureValidity.problem(label: label, composition: composition) {
                throw .invalidField(path: path, line: row.line, field: "protostructure", value: label, reason: problem)
            }
            result.append(ScreeningCandidate(
                id: idIndex.map { table.text(row, $0) } ?? "line-\(row.line)", protostructure: label, composition: composition,
                line: row.line,
                trueEnergyAboveHull: try hullIndex.map { index throws(ScreeningError) in try table.number(row, index) },
                trueFormationEnergy: try energyIndex.map { index throws(ScreeningError) in try table.number(row, index) }))
        }
        return result
    }
}
