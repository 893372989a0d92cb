import GRDB

/// Reading `ingest_runs` joined with `sources`.
enum RunQueries {
    private static let select = """
        SELECT r.id, s.kind, s.name, s.layout, r.file_path, r.file_sha256, r.file_size,
               r.tool_version, r.parser_version, r.options_json, r.status, r.started_at,
               r.finished_at, r.read_count, r.stored_count, r.duplicate_count, r.quarantined_count
        FROM ingest_runs r JOIN sources s ON s.id = r.source_id
        """

    static func all(_ db: Database) throws -> [IngestRunRecord] {
        try Row.fetchAll(db, sql: select + " ORDER BY r.id").map(decode)
    }

    /// The most recent completed run of `source` over a file with this hash and parser version.
    static func latestCompletedRun(
        _ db: Database, source: SourceDescriptor, fileSHA256: String, parserVersion: String
    ) throws -> IngestRunRecord? {
        try Row.fetchOne(db, sql: select + """
             WHERE s.kind = ? AND s.name = ? AND r.file_sha256 = ? AND r.parser_version = ?
               AND r.status = 'completed'
             ORDER BY r.id DESC LIMIT 1
            """, arguments: [source.kind, source.name, fileSHA256, parserVersion]).map(decode)
    }

    private static func decode(_ row: Row) throws -> IngestRunRecord {
        let table = "ingest_runs"
        return IngestRunRecord(
            id: try row.required("id", in: table),
            sourceKind: try row.required("kind", in: table),
            sourceName: try row.required("name", in: table),
            sourceLayout: try row.required("layout", in: table),
            filePath: try row.required("file_path", in: table),
            fileSha256: try row.required("file_sha256", in: table),
            fileSize: try row.required("file_size", in: table),
            toolVersion: try row.required("tool_version", in: table),
            parserVersion: try row.required("parser_version", in: table),
            options: try OptionsJSON.decode(row.required("options_json", in: table), table: table),
            status: try row.required("status", in: table),
            startedAt: try row.required("started_at", in: table),
            finishedAt: try row.optional("finished_at", in: table),
            readCount: try row.required("read_count", in: table),
            storedCount: try row.required("stored_count", in: table),
            duplicateCount: try row.required("duplicate_count", in: table),
            quarantinedCount: try row.required("quarantined_count", in: table))
    }
}
