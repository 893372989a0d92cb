import Chemistry
import CurateIO
import Foundation
import Parquet

/// `exports/parquet/<split>.parquet`: the columns of `records.csv` with their types (integers,
/// doubles, booleans, nulls where a value is missing, lists as lists of strings) plus
/// `composition_json`, the formula's element amounts as a JSON object.
enum ParquetExport {
    /// Rows per row group.
    static let rowsPerGroup = 100_000

    /// The writer's options: `created_by` names the tool and its version, as the manifest does.
    static var options: ParquetWriter.Options {
        ParquetWriter.Options(rowsPerGroup: rowsPerGroup, createdBy: "curate version \(CurateVersion.current)")
    }

    /// One split of a composition or wyckoff dataset. `labelled` and `nested` are decided over
    /// the whole release so every split file has the same schema.
    static func records(_ records: [DatasetRecord], labelled: Bool, nested: Bool) throws -> Data {
        var columns: [ParquetColumn] = [
            .init(name: "id", values: .string(records.map(\.id))),
            .init(name: "composition", values: .string(records.map(\.composition))),
            .init(name: "composition_json", values: .string(try records.map { try compositionJSON($0.composition, id: $0.id) })),
            .init(name: "canonical_key", values: .string(records.map(\.canonicalKey))),
            .init(name: "chemical_system", values: .string(records.map(\.chemicalSystem))),
            .init(name: "prototype", values: .string(records.map(\.prototype))),
        ]
        if labelled { columns.append(.init(name: "protostructure", values: .string(records.map(\.protostructure)), nullable: true)) }
        columns += [
            .init(name: "target", values: .double(records.map(\.target))),
            .init(name: "qualifier", values: .string(records.map(\.qualifier))),
            .init(name: "measurements", values: .int64(records.map { Int64($0.measurements) })),
            .init(name: "spread", values: .double(records.map(\.spread)), nullable: true),
            .init(name: "flagged", values: .boolean(records.map(\.flagged))),
            .init(name: "split", values: .string(records.map(\.split))),
        ]
        if nested { columns.append(.init(name: "inner_fold", values: .int64(records.map { $0.innerFold.map(Int64.init) }), nullable: true)) }
        columns += [
            .init(name: "sources", values: .stringList(records.map(\.sources))),
            .init(name: "provenance", values: .stringList(records.map(\.provenance))),
            .init(name: "entry_ids", values: .stringList(records.map(\.entryIds))),
        ]
        return try write(ParquetTable(columns: columns))
    }

    /// One split of a reaction dataset.
    static func reactions(_ reactions: [ReactionRecord]) throws -> Data {
        try write(ParquetTable(columns: [
            .init(name: "id", values: .string(reactions.map(\.id))),
            .init(name: "composition", values: .string(reactions.map(\.target))),
            .init(name: "composition_json", values: .string(try reactions.map { try compositionJSON($0.target, id: $0.id) })),
            .init(name: "canonical_key", values: .string(reactions.map(\.targetKey))),
            .init(name: "chemical_system", values: .string(reactions.map(\.chemicalSystem))),
            .init(name: "precursors", values: .stringList(reactions.map(\.precursors))),
            .init(name: "precursor_keys", values: .stringList(reactions.map(\.precursorKeys))),
            .init(name: "actions", values: .stringList(reactions.map(\.actions))),
            .init(name: "doi", values: .string(reactions.map(\.doi))),
            .init(name: "split", values: .string(reactions.map(\.split))),
            .init(name: "provenance", values: .string(reactions.map(\.provenance))),
        ]))
    }

    /// `{"Cu":1.0,"La":1.85,...}`: the amounts of `formula`, elements alphabetical, numbers as
    /// the release writes them.
    static func compositionJSON(_ formula: String, id: String) throws -> String {
        let composition: Composition
        do { composition = try Composition(formula: formula) } catch {
            throw DatasetError.input(message: "record \(id): composition \"\(formula)\" does not parse for the Parquet export: \(error)")
        }
        let members = composition.amounts.sorted { $0.key < $1.key }.map { JSONText.quote($0.key) + ":" + CSVText.number($0.value) }
        return "{" + members.joined(separator: ",") + "}"
    }

    private static func write(_ table: ParquetTable) throws -> Data {
        do { return Data(try ParquetWriter.write(table, options: options)) } catch {
            throw DatasetError.input(message: "Parquet export: \(error)")
        }
    }
}
