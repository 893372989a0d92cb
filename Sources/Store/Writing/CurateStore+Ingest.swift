import GRDB

extension CurateStore {
    /// Ingests one file in one write transaction.
    ///
    /// If a completed run already exists for the same source `(kind, name)`, the same
    /// `file.sha256` and the same `parserVersion`, returns ``IngestOutcome/unchanged(previous:)``
    /// and writes nothing. Otherwise upserts the source, inserts the run, calls `body` to append
    /// records, then writes the run's counts. If `body` (or any write) throws, the transaction
    /// rolls back, the store is exactly as before, and the error is rethrown unchanged
    /// (database failures as ``StoreError``).
    ///
    /// - Parameters:
    ///   - source: the source the file belongs to; created on first use. An existing source
    ///     with a different layout is refused (``StoreError/sourceLayoutConflict(kind:name:recorded:requested:)``).
    ///   - file: path, SHA-256 and size of the file read.
    ///   - toolVersion: version of `curate` doing the ingest.
    ///   - parserVersion: version of the parser; part of the "unchanged" test.
    ///   - options: the options the parser ran with, recorded as sorted-key JSON.
    ///   - body: appends every record of the file to the sink. It must not call other methods
    ///     of this store (they throw ``StoreError/reentrantAccess(operation:)``).
    public func ingest(
        source: SourceDescriptor,
        file: IngestFileInfo,
        toolVersion: String,
        parserVersion: String,
        options: [String: String],
        body: (inout IngestSink) throws -> Void
    ) throws -> IngestOutcome {
        try refuseReentrance("ingest")
        try Self.validate(source: source, file: file)
        let optionsJSON = try OptionsJSON.encode(options)
        let storeID = ObjectIdentifier(self)
        do {
            return try queue.write { db -> IngestOutcome in
                if let previous = try RunQueries.latestCompletedRun(
                    db, source: source, fileSHA256: file.sha256, parserVersion: parserVersion)
                {
                    return .unchanged(previous: previous)
                }
                let startedAt = Timestamp.now()
                let sourceId = try SourceRows.upsert(db, source, createdAt: startedAt)
                try db.execute(sql: """
                    INSERT INTO ingest_runs (source_id, file_path, file_sha256, file_size, tool_version,
                                             parser_version, options_json, status, started_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?)
                    """, arguments: [sourceId, file.path, file.sha256, file.size, toolVersion,
                                     parserVersion, optionsJSON, startedAt])
                let writer = try IngestWriter(
                    db: db, sourceId: sourceId, runId: Int(db.lastInsertedRowID),
                    parserVersion: parserVersion, createdAt: startedAt)
                var sink = IngestSink(writer: writer)
                defer { writer.close() }
                try IngestContext.$activeStores.withValue(IngestContext.activeStores.union([storeID])) {
                    try body(&sink)
                }
                return .completed(try writer.finish(finishedAt: Timestamp.now()))
            }
        } catch let error as DatabaseError {
            throw StoreError.database(operation: "ingesting \(file.path)", reason: Self.reason(error))
        }
    }

    private static func validate(source: SourceDescriptor, file: IngestFileInfo) throws {
        for (name, value) in [("source.kind", source.kind), ("source.name", source.name), ("source.layout", source.layout)]
        where value.isEmpty {
            throw StoreError.invalidArgument(name: name, reason: "must not be empty")
        }
        if file.sha256.isEmpty {
            throw StoreError.invalidArgument(name: "file.sha256", reason: "must not be empty")
        }
        if file.size < 0 {
            throw StoreError.invalidArgument(name: "file.size", reason: "must be >= 0, got \(file.size)")
        }
    }
}
