import Chemistry
import Foundation
import PhaseStability

/// Reads the known structures for `curate candidates`: a CSV with `id` and `protostructure`
/// columns and, optionally, `e_above_hull` (eV/atom, used as given) or a formation energy
/// column (`formation_energy_per_atom`, or the `target` of a release export), from which the
/// energy above the hull of the file's own entries is computed with `PatchedHull`. A release
/// directory (`curate release` with the `wyckoff` representation) is read through its
/// `exports/wren/*.csv` files (`material_id,composition,protostructure,<target>`), all splits
/// together; its target is used for the hull only when it is `formation_energy_per_atom`.
public enum KnownStructureTable {
    /// What was read and how the hull distances were obtained.
    public struct Loaded: Sendable {
        /// One structure per row.
        public let structures: [KnownStructure]
        /// `e_above_hull`, `hull of formation_energy_per_atom` or `none`.
        public let distanceSource: String
    }

    /// Loads `path`. Throws `ScreeningError` with file, line and field for a bad label, a
    /// label whose multiplicities do not reproduce its prototype formula, or a bad number.
    public static func load(path: String) throws(ScreeningError) -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file or folder")
        }
        guard isDirectory.boolValue else { return try load(files: [path]) }
        let exports = (path as NSString).appendingPathComponent("exports/wren")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: exports)) ?? []).filter { $0.hasSuffix(".csv") }.sorted()
        guard !names.isEmpty else { throw .unreadable(path: path, reason: "a folder without exports/wren/*.csv (not a wyckoff release)") }
        return try load(files: names.map { (exports as NSString).appendingPathComponent($0) })
    }

    static func load(files: [String]) throws(ScreeningError) -> Loaded {
        var rows: [(id: String, label: String, assignment: SiteAssignment, composition: Composition, value: Double?)] = []
        var sources: Set<String> = []
        for file in files {
            let read = try rowsOf(path: file)
            rows += read.rows
            sources.insert(read.source)
        }
        guard sources.count == 1, let source = sources.first else {
            throw .unreadable(path: files.joined(separator: ", "), reason: "the files disagree on their energy columns")
        }
        if source == "e_above_hull" || source == "none" {
            return Loaded(structures: rows.map { KnownStructure(id: $0.id, label: $0.label, assignment: $0.assignment, composition: $0.composition, energyAboveHull: $0.value) },
                          distanceSource: source)
        }
        let entries = rows.enumerated().map { index, row in
            FormationEntry(id: "\(index)", composition: row.composition, formationEnergyPerAtom: row.value ?? 0)
        }
        let hull: PatchedHull
        do { hull = try PatchedHull(entries: entries) } catch { throw .hull(error.description) }
        let structures = zip(rows, hull.results).map { row, result in
            KnownStructure(id: row.id, label: row.label, assignment: row.assignment, composition: row.composition, energyAboveHull: result.energyAboveHull)
        }
        return Loaded(structures: structures, distanceSource: "hull of \(source)")
    }

    static func rowsOf(path: String) throws(ScreeningError)
        -> (rows: [(id: String, label: String, assignment: SiteAssignment, composition: Composition, value: Double?)], source: String) {
        let table = try DiscoveryTable(path: path)
        let idIndex = table.column(["id", "material_id", "task_id"])
        let labelIndex = try table.required("protostructure")
        let hullIndex = table.column(["e_above_hull", "energy_above_hull"])
        let energyIndex = table.column(["formation_energy_per_atom", "target"])
        var rows: [(id: String, label: String, assignment: SiteAssignment, composition: Composition, value: Double?)] = []
        for row in table.rows {
            let label = table.text(row, labelIndex)
            let assignment: SiteAssignment
            do { assignment = try SiteAssignment(label: label) } catch {
                throw .invalidField(path: path, line: row.line, field: "protostructure", value: label, reason: error.description)
            }
            guard let composition = ProtostructureValidity.composition(label: label),
                  ProtostructureValidity.problem(label: label, composition: composition) == nil else {
                let reason = ProtostructureValidity.composition(label: label).flatMap { ProtostructureValidity.problem(label: label, composition: $0) }
                throw .invalidField(path: path, line: row.line, field: "protostructure", value: label,
                                    reason: reason ?? "the multiplicities do not give a composition")
            }
            let id = idIndex.map { table.text(row, $0) } ?? "line-\(row.line)"
            let value = try (hullIndex ?? energyIndex).map { index throws(ScreeningError) in try table.number(row, index) }
            rows.append((id, label, assignment, composition, value))
        }
        let source = hullIndex.map { table.header[$0] == "energy_above_hull" ? "e_above_hull" : table.header[$0] }
            ?? energyIndex.map { table.header[$0] } ?? "none"
        return (rows, source == "energy_above_hull" ? "e_above_hull" : source)
    }
}
