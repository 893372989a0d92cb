import Foundation
import GRDB

/// One page of the flag queue and how many flags match its filter in all.
public struct FlagQueuePage: Sendable, Equatable {
    /// Flags matching the filter, on every page.
    public var total: Int
    /// This page's flags, highest score first, then by id.
    public var flags: [FlagRecord]

    public init(total: Int, flags: [FlagRecord]) {
        self.total = total
        self.flags = flags
    }
}

/// A producer of flags as the review queue lists it.
public struct FlagProducerSummary: Sendable, Equatable, Codable {
    /// ``FlagProducer/key``: `model:SHA256` or `input:SHA256`.
    public var key: String
    /// The model directory as given (empty when not known).
    public var modelPath: String
    /// Flags it raised, of every status.
    public var flags: Int

    public init(key: String, modelPath: String, flags: Int) {
        self.key = key
        self.modelPath = modelPath
        self.flags = flags
    }
}

/// The exact record a property flag is about: the raw bytes as ingested and where they came from.
public struct FlaggedRawRecord: Sendable, Equatable {
    public var observationId: Int
    public var sourceKind: String
    public var sourceName: String
    public var filePath: String
    public var fileSHA256: String
    public var runId: Int
    public var locator: String
    public var line: Int?
    /// The kept bytes where the input was not valid UTF-8, else the UTF-8 of the stored text.
    public var bytes: [UInt8]
}

extension CurateStore {
    /// One page of flags with `status` (all when nil), `kind` (both when nil) and `producer`
    /// (a ``FlagProducer/key``; every producer when nil), highest score first, then by id;
    /// `offset` and `limit` must not be negative.
    public func flagPage(status: FlagStatus? = nil, kind: FlagKind? = nil, producer: String? = nil,
                         offset: Int, limit: Int) throws -> FlagQueuePage {
        guard offset >= 0 else { throw StoreError.invalidArgument(name: "offset", reason: "must be >= 0, got \(offset)") }
        guard limit >= 0 else { throw StoreError.invalidArgument(name: "limit", reason: "must be >= 0, got \(limit)") }
        let (filter, arguments) = Self.queueFilter(status: status, kind: kind, producer: producer)
        return try read("listing a page of flags") { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM flags" + filter, arguments: arguments) ?? 0
            // Order the narrow (id, score) pairs first, then read only this page's rows: sorting
            // whole rows (JSON evidence included) made a page of 20k flags 20× slower.
            let ids = try Int.fetchAll(db, sql: "SELECT id FROM flags" + filter + " ORDER BY score DESC, id LIMIT ? OFFSET ?",
                                       arguments: arguments + [limit, offset])
            return FlagQueuePage(total: total, flags: try Self.flags(db, ids: ids))
        }
    }

    /// The ids of every flag matching the filter (as in ``flagPage(status:kind:producer:offset:limit:)``),
    /// in queue order: what a reader caches to serve any page as a slice (8 bytes a flag).
    public func flagQueueIds(status: FlagStatus? = nil, kind: FlagKind? = nil, producer: String? = nil) throws -> [Int] {
        let (filter, arguments) = Self.queueFilter(status: status, kind: kind, producer: producer)
        return try read("listing the flag queue") { db in
            try Int.fetchAll(db, sql: "SELECT id FROM flags" + filter + " ORDER BY score DESC, id", arguments: arguments)
        }
    }

    /// The flags with these ids, in the order given (ids with no flag are left out).
    public func flags(ids: [Int]) throws -> [FlagRecord] {
        guard !ids.isEmpty else { return [] }
        return try read("reading flags by id") { db in try Self.flags(db, ids: ids) }
    }

    static func flags(_ db: Database, ids: [Int]) throws -> [FlagRecord] {
        guard !ids.isEmpty else { return [] }
        var byId: [Int: FlagRecord] = [:]
        // At most 500 ids a statement, well under SQLite's limit on bound parameters.
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM flags WHERE id IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                        arguments: StatementArguments(chunk))
            for row in rows {
                let flag = try Self.flagRecord(row)
                byId[flag.id] = flag
            }
            start += 500
        }
        return ids.compactMap { byId[$0] }
    }

    static func queueFilter(status: FlagStatus?, kind: FlagKind?, producer: String?) -> (String, StatementArguments) {
        var filter = " WHERE 1"
        var arguments = StatementArguments()
        if let status { filter += " AND status = ?"; arguments += [status.rawValue] }
        if let kind { filter += " AND kind = ?"; arguments += [kind.rawValue] }
        if let producer { filter += " AND producer = ?"; arguments += [producer] }
        return (filter, arguments)
    }

    /// Every producer that raised flags: its key, the model path of one of its flags, and how
    /// many flags it raised, by key.
    public func flagProducers() throws -> [FlagProducerSummary] {
        try read("listing flag producers") { db in
            let counts = try Row.fetchAll(db, sql: "SELECT producer, COUNT(*) AS n FROM flags GROUP BY producer ORDER BY producer")
            return try counts.map { row in
                let key: String = try row.required("producer", in: "flags")
                let path = try String.fetchOne(db, sql: "SELECT model_path FROM flags WHERE producer = ? LIMIT 1",
                                               arguments: [key]) ?? ""
                return FlagProducerSummary(key: key, modelPath: path, flags: try row.required("n", in: "flags"))
            }
        }
    }

    /// When flag `id` was decided (the store's timestamp text), or nil while it is open or absent.
    public func flagDecidedAt(id: Int) throws -> String? {
        try read("reading when flag \(id) was decided") { db in
            try String.fetchOne(db, sql: "SELECT decided_at FROM flags WHERE id = ?", arguments: [id])
        }
    }

    /// The raw record behind observation `observationId` (the subject of a property flag), or nil
    /// when the store has no such observation.
    public func flaggedRawRecord(observationId: Int) throws -> FlaggedRawRecord? {
        try read("reading the raw record of observation \(observationId)") { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT o.id, s.kind, s.name, r.file_path, r.file_sha256, r.id AS run_id, rr.locator, rr.line,
                       COALESCE(rr.content_bytes, CAST(rr.content AS BLOB)) AS bytes
                FROM observations o
                JOIN raw_records rr ON rr.id = o.raw_record_id
                JOIN sources s ON s.id = o.source_id
                JOIN ingest_runs r ON r.id = o.run_id
                WHERE o.id = ?
                """, arguments: [observationId]) else { return nil }
            let table = "observations"
            let data: Data? = row["bytes"]
            return FlaggedRawRecord(
                observationId: try row.required("id", in: table), sourceKind: try row.required("kind", in: table),
                sourceName: try row.required("name", in: table), filePath: try row.required("file_path", in: table),
                fileSHA256: try row.required("file_sha256", in: table), runId: try row.required("run_id", in: table),
                locator: try row.required("locator", in: table), line: try row.optional("line", in: table),
                bytes: data.map { [UInt8]($0) } ?? [])
        }
    }
}
