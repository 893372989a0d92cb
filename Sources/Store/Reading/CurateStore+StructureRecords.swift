import Foundation
import GRDB

/// One stored structure observation with the exact bytes it was read from.
public struct StructureRecord: Sendable, Equatable {
    /// The observation id.
    public var observationId: Int
    /// The source's name.
    public var sourceName: String
    /// Where the record sits in its input (for a CIF folder: the file's path).
    public var locator: String
    /// Source-specific metadata (JSON object), e.g. `{"id":"mp-1234",…}`.
    public var metadataJSON: String?
    /// The raw record's bytes (a CIF file's text).
    public var bytes: [UInt8]
}

extension CurateStore {
    /// Every stored `structure` observation with its raw bytes, ordered by observation id.
    public func structureRecords() throws -> [StructureRecord] {
        try read("reading structure records") { db in
            try Row.fetchAll(db, sql: """
                SELECT o.id, s.name, rr.locator, o.metadata_json,
                       COALESCE(rr.content_bytes, CAST(rr.content AS BLOB)) AS bytes
                FROM observations o
                JOIN raw_records rr ON rr.id = o.raw_record_id
                JOIN sources s ON s.id = o.source_id
                WHERE o.property = 'structure'
                ORDER BY o.id
                """).map { row in
                let data: Data? = row["bytes"]
                return StructureRecord(observationId: row[0], sourceName: row[1], locator: row[2],
                                       metadataJSON: row[3], bytes: data.map { [UInt8]($0) } ?? [])
            }
        }
    }
}
