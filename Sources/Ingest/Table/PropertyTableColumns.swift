/// Which columns of a composition–property table hold the id, the formula and the value.
///
/// Layouts: Roost/ElemNet OQMD (`id,composition,target`), Materials Project exports
/// (`task_id|material_id,composition,<property>`), matbench (`formula,target`), and any table
/// with one formula column, an optional id column and one value column.
public struct PropertyTableColumns: Sendable, Equatable {
    /// Entry id column (`id`, `task_id`, `material_id`, `entry_id`), if any.
    public let id: Int?
    /// Formula column.
    public let formula: Int
    /// Value column.
    public let value: Int
    /// Index columns ignored.
    public let ignored: Set<Int>
    /// Header names as written.
    public let names: [String]

    /// The header joined with commas, recorded as the source layout.
    public var layout: String { names.enumerated().filter { !ignored.contains($0.offset) }.map(\.element).joined(separator: ",") }

    static let idNames = ["id", "task_id", "material_id", "entry_id", "mp_id", "oqmd_id", "mpid"]
    static let formulaNames: Set<String> = ["composition", "formula", "name", "formula_pretty", "reduced_formula", "chemical formula"]

    /// Identifies the columns, or explains why it cannot. `valueColumn` names the value column
    /// when the table has several candidates.
    public static func detect(header: [String], valueColumn: String?, path: String) throws(IngestError) -> PropertyTableColumns {
        let names = header.map { FieldText.clean($0).text }
        let normalised = names.map { $0.lowercased() }
        let ignored = Set(normalised.indices.filter { normalised[$0].isEmpty || normalised[$0].hasPrefix("unnamed:") })
        let id = idNames.lazy.compactMap { normalised.firstIndex(of: $0) }.first
        let formulas = normalised.indices.filter { formulaNames.contains(normalised[$0]) }
        guard formulas.count == 1, let formula = formulas.first else {
            let message = formulas.isEmpty
                ? "no formula column (expected one of: composition, formula, name)"
                : "ambiguous formula columns \(formulas.map { "\"\(names[$0])\"" }.joined(separator: ", "))"
            throw .header(path: path, message: message, columnsSeen: names)
        }
        let value: Int
        if let valueColumn {
            guard let index = normalised.firstIndex(of: valueColumn.lowercased()) else {
                throw .header(path: path, message: "no column named \"\(valueColumn)\"", columnsSeen: names)
            }
            value = index
        } else {
            let candidates = normalised.indices.filter { $0 != formula && $0 != id && !ignored.contains($0) }
            guard candidates.count == 1, let only = candidates.first else {
                throw .header(path: path, message: candidates.isEmpty
                              ? "no value column"
                              : "several possible value columns; name one with --value-column", columnsSeen: names)
            }
            value = only
        }
        return PropertyTableColumns(id: id, formula: formula, value: value, ignored: ignored, names: names)
    }
}
