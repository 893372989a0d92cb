/// A column of a release CSV as the dataset card and the Croissant description present it: its
/// header name, its Croissant data type and what it holds.
public struct ReleaseColumn: Sendable, Equatable {
    /// Header name in the CSV.
    public var name: String
    /// Croissant / schema.org data type: `sc:Text`, `sc:Float`, `sc:Integer` or `sc:Boolean`.
    public var dataType: String
    /// One line on what the column holds.
    public var meaning: String
}

/// The columns of `records.csv` and of the per-split Roost / Wren exports, in header order
/// (tests hold them to ``RecordFormats``' header lines).
public enum ReleaseColumns {
    static let text = "sc:Text", float = "sc:Float", integer = "sc:Integer", boolean = "sc:Boolean"

    /// `records.csv` of a composition or wyckoff release; `labelled` adds `protostructure`,
    /// `nested` adds `inner_fold`.
    public static func records(labelled: Bool, nested: Bool, target: TargetSpec) -> [ReleaseColumn] {
        var columns: [ReleaseColumn] = [
            .init(name: "id", dataType: text, meaning: "stable record id (the same material has the same id in every version)"),
            .init(name: "composition", dataType: text, meaning: "reduced formula"),
            .init(name: "canonical_key", dataType: text, meaning: "canonical composition key (element fractions, elements alphabetical)"),
            .init(name: "chemical_system", dataType: text, meaning: "elements, alphabetical, joined by `-`"),
            .init(name: "prototype", dataType: text, meaning: "formula prototype (e.g. `A2BC4`)"),
        ]
        if labelled {
            columns.append(.init(name: "protostructure", dataType: text, meaning: "canonical protostructure label (composition plus Wyckoff positions)"))
        }
        columns += [
            .init(name: "target", dataType: float, meaning: "\(target.property)\(unitSuffix(target)), combined over the record's observations"),
            .init(name: "qualifier", dataType: text, meaning: "`exact`, `aggregate`, or the censored label the value stands for"),
            .init(name: "measurements", dataType: integer, meaning: "number of observations behind the target"),
            .init(name: "spread", dataType: float, meaning: "max − min of the observations (empty for one)"),
            .init(name: "flagged", dataType: boolean, meaning: "whether curation flagged the observations for disagreeing"),
            .init(name: "split", dataType: text, meaning: "split label"),
        ]
        if nested { columns.append(.init(name: "inner_fold", dataType: integer, meaning: "inner fold of a nested k-fold split")) }
        columns += [
            .init(name: "sources", dataType: text, meaning: "source names, `;`-joined"),
            .init(name: "provenance", dataType: text, meaning: "`source:locator` of every observation, `;`-joined"),
            .init(name: "entry_ids", dataType: text, meaning: "source entry ids, `;`-joined (empty when a source has none)"),
        ]
        return columns
    }

    /// A per-split export: `exports/wren/<split>.csv` when `labelled`, else `exports/roost/<split>.csv`.
    public static func split(labelled: Bool, target: TargetSpec) -> [ReleaseColumn] {
        var columns: [ReleaseColumn] = [
            .init(name: "material_id", dataType: text, meaning: "record id (`id` in records.csv)"),
            .init(name: "composition", dataType: text, meaning: "reduced formula"),
        ]
        if labelled { columns.append(.init(name: "protostructure", dataType: text, meaning: "canonical protostructure label")) }
        columns.append(.init(name: target.property, dataType: float, meaning: "the target\(unitSuffix(target))"))
        return columns
    }

    private static func unitSuffix(_ target: TargetSpec) -> String {
        target.unit.isEmpty ? "" : " (\(target.unit))"
    }
}
