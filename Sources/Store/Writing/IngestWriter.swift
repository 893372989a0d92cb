import GRDB

/// The state behind an ``IngestSink``: prepared statements, the material-id cache and the
/// run's counters. Lives for one `ingest` transaction; a class so that copies of the sink
/// share one set of counters.
final class IngestWriter {
    private let db: Database
    private let sourceId: Int
    private let runId: Int
    private let parserVersion: String
    private let createdAt: String

    private let findObservation: FastStatement
    private let insertRaw: FastStatement
    private let insertMaterial: FastStatement
    private let findMaterial: FastStatement
    private let insertObservation: FastStatement
    private let insertQuarantine: FastStatement

    private var materialIds: [String: Int] = [:]
    /// Hashes of the dedup keys stored in this run. Only a hit (or a source that already had
    /// observations before this run) needs the database lookup; a false hit just costs one.
    private var seenDedupHashes: Set<Int> = []
    private let sourceHadObservations: Bool
    private var isOpen = true
    private var failure: StoreError?

    private(set) var read = 0
    private(set) var stored = 0
    private(set) var duplicates = 0
    private(set) var quarantined = 0
    private(set) var quarantineByReason: [String: Int] = [:]

    init(db: Database, sourceId: Int, runId: Int, parserVersion: String, createdAt: String) throws {
        self.db = db
        self.sourceId = sourceId
        self.runId = runId
        self.parserVersion = parserVersion
        self.createdAt = createdAt
        sourceHadObservations = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM observations WHERE source_id = ?)", arguments: [sourceId]) ?? true
        findObservation = try FastStatement(db, sql: """
            SELECT id FROM observations WHERE source_id = ? AND dedup_key = ?
            """)
        insertRaw = try FastStatement(db, sql: """
            INSERT INTO raw_records (run_id, source_id, locator, line, content, disposition, duplicate_of_observation_id,
                                     content_bytes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertMaterial = try FastStatement(db, sql: """
            INSERT INTO materials (canonical_key, reduced_formula, hill_formula, chemical_system,
                                   anonymous_formula, element_count, fractions_json, key_tolerance)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (canonical_key) DO NOTHING
            """)
        findMaterial = try FastStatement(db, sql: "SELECT id FROM materials WHERE canonical_key = ?")
        insertObservation = try FastStatement(db, sql: """
            INSERT INTO observations (raw_record_id, material_id, source_id, run_id, formula_as_written,
                                      composition_json, property, value, unit, qualifier, value_as_reported,
                                      conditions_json, metadata_json, dedup_key, parser_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertQuarantine = try FastStatement(db, sql: """
            INSERT INTO quarantine (raw_record_id, run_id, source_id, reason_code, message, field,
                                    position, rule_version, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    func append(_ record: PreparedRecord) throws {
        guard isOpen else {
            throw StoreError.sinkUnusable(reason: "the ingest that created this sink has finished")
        }
        if let failure {
            throw StoreError.sinkUnusable(reason: "an earlier write in this ingest failed: \(failure)")
        }
        try RecordValidation.validate(record)
        do {
            try write(record)
        } catch {
            let storeError = (error as? StoreError)
                ?? .database(operation: "writing \(record.locator)", reason: CurateStore.reason(error))
            failure = storeError
            throw storeError
        }
    }

    /// Marks the sink unusable and releases its statements; called when the ingest body
    /// returns or throws, on the database queue.
    func close() {
        isOpen = false
        for statement in [findObservation, insertRaw, insertMaterial, findMaterial, insertObservation, insertQuarantine] {
            statement.finalize()
        }
    }

    /// Writes the run's counts and completion time and returns its summary.
    /// Throws the first write failure if the body swallowed it.
    func finish(finishedAt: String) throws -> IngestSummary {
        if let failure { throw failure }
        let rawCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM raw_records WHERE run_id = ?", arguments: [runId]) ?? -1
        guard rawCount == read else {
            throw StoreError.corruptRow(table: "raw_records", reason: "run \(runId) has \(rawCount) raw records but \(read) were appended")
        }
        try db.execute(sql: """
            UPDATE ingest_runs
            SET status = 'completed', finished_at = ?, read_count = ?, stored_count = ?,
                duplicate_count = ?, quarantined_count = ?
            WHERE id = ?
            """, arguments: [finishedAt, read, stored, duplicates, quarantined, runId])
        return IngestSummary(runId: runId, read: read, stored: stored, duplicates: duplicates,
                             quarantined: quarantined, quarantineByReason: quarantineByReason)
    }

    // MARK: - Writing one record

    private func write(_ record: PreparedRecord) throws {
        switch record.outcome {
        case .observation(let observation):
            if let existing = try existingObservation(dedupKey: observation.dedupKey) {
                try insertRawRecord(record, disposition: "duplicate", duplicateOf: Int(existing))
                duplicates += 1
            } else {
                let rawId = try insertRawRecord(record, disposition: "stored", duplicateOf: nil)
                let materialId = try materialId(for: observation.material)
                try insertObservation.run([
                    .int(rawId), .int(materialId), .int(sourceId), .int(runId), .text(observation.formulaAsWritten),
                    .text(observation.compositionJSON), .text(observation.property), FastValue(observation.value),
                    FastValue(observation.unit), .text(observation.qualifier), .text(observation.valueAsReported),
                    FastValue(observation.conditionsJSON), FastValue(observation.metadataJSON),
                    .text(observation.dedupKey), .text(parserVersion),
                ])
                seenDedupHashes.insert(observation.dedupKey.hashValue)
                stored += 1
            }
        case .quarantine(let reason):
            let rawId = try insertRawRecord(record, disposition: "quarantined", duplicateOf: nil)
            try insertQuarantine.run([
                .int(rawId), .int(runId), .int(sourceId), .text(reason.code), .text(reason.message),
                FastValue(reason.field), FastValue(reason.position), .text(reason.ruleVersion), .text(createdAt),
            ])
            quarantined += 1
            quarantineByReason[reason.code, default: 0] += 1
        }
        read += 1
    }

    @discardableResult
    private func insertRawRecord(_ record: PreparedRecord, disposition: String, duplicateOf: Int?) throws -> Int {
        try insertRaw.run([
            .int(runId), .int(sourceId), .text(record.locator), FastValue(record.line), .text(record.rawContent),
            .text(disposition), FastValue(duplicateOf), record.rawBytes.map(FastValue.blob) ?? .null,
        ])
        return insertRaw.lastInsertedRowID
    }

    /// The observation this source already has under `dedupKey`, from this run or an earlier one.
    private func existingObservation(dedupKey: String) throws -> Int? {
        guard sourceHadObservations || seenDedupHashes.contains(dedupKey.hashValue) else { return nil }
        return try findObservation.run([.int(sourceId), .text(dedupKey)]).map(Int.init)
    }

    /// The id of the material with this canonical key, inserting it on first sight: one
    /// statement for a new key, plus a lookup for a key stored by an earlier run. An existing
    /// row is never changed: the first definition of a key wins. (Not `INSERT … RETURNING`:
    /// SQLite builds a temporary table per RETURNING statement, which costs more than this.)
    private func materialId(for material: PreparedMaterial) throws -> Int {
        if let cached = materialIds[material.canonicalKey] { return cached }
        let id: Int
        try insertMaterial.run([
            .text(material.canonicalKey), .text(material.reducedFormula), .text(material.hillFormula),
            .text(material.chemicalSystem), .text(material.anonymousFormula), .int(material.elementCount),
            .text(material.fractionsJSON), .double(material.keyTolerance),
        ])
        if insertMaterial.changes == 1 {
            id = insertMaterial.lastInsertedRowID
        } else if let existing = try findMaterial.run([.text(material.canonicalKey)]) {
            id = Int(existing)
        } else {
            throw StoreError.corruptRow(table: "materials", reason: "no row for canonical key \(material.canonicalKey) after insert")
        }
        // Bounded: past the limit the cache starts again (a miss costs one lookup), so memory
        // does not grow with the number of distinct compositions.
        if materialIds.count >= 1 << 16 { materialIds.removeAll(keepingCapacity: true) }
        materialIds[material.canonicalKey] = id
        return id
    }
}
