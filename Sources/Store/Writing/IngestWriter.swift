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

    private let findObservation: Statement
    private let insertRaw: Statement
    private let insertMaterial: Statement
    private let findMaterial: Statement
    private let insertObservation: Statement
    private let insertQuarantine: Statement

    private var materialIds: [String: Int] = [:]
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
        findObservation = try db.cachedStatement(sql: """
            SELECT id FROM observations WHERE source_id = ? AND dedup_key = ?
            """)
        insertRaw = try db.cachedStatement(sql: """
            INSERT INTO raw_records (run_id, source_id, locator, line, content, disposition, duplicate_of_observation_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        insertMaterial = try db.cachedStatement(sql: """
            INSERT INTO materials (canonical_key, reduced_formula, hill_formula, chemical_system,
                                   anonymous_formula, element_count, fractions_json, key_tolerance)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        findMaterial = try db.cachedStatement(sql: "SELECT id FROM materials WHERE canonical_key = ?")
        insertObservation = try db.cachedStatement(sql: """
            INSERT INTO observations (raw_record_id, material_id, source_id, run_id, formula_as_written,
                                      composition_json, property, value, unit, qualifier, value_as_reported,
                                      conditions_json, metadata_json, dedup_key, parser_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertQuarantine = try db.cachedStatement(sql: """
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

    /// Marks the sink unusable; called when the ingest body returns or throws.
    func close() { isOpen = false }

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
            if let existing = try Int.fetchOne(findObservation, arguments: [sourceId, observation.dedupKey]) {
                try insertRawRecord(record, disposition: "duplicate", duplicateOf: existing)
                duplicates += 1
            } else {
                let rawId = try insertRawRecord(record, disposition: "stored", duplicateOf: nil)
                let materialId = try materialId(for: observation.material)
                try insertObservation.execute(arguments: [
                    rawId, materialId, sourceId, runId, observation.formulaAsWritten,
                    observation.compositionJSON, observation.property, observation.value, observation.unit,
                    observation.qualifier, observation.valueAsReported, observation.conditionsJSON,
                    observation.metadataJSON, observation.dedupKey, parserVersion,
                ])
                stored += 1
            }
        case .quarantine(let reason):
            let rawId = try insertRawRecord(record, disposition: "quarantined", duplicateOf: nil)
            try insertQuarantine.execute(arguments: [
                rawId, runId, sourceId, reason.code, reason.message, reason.field, reason.position,
                reason.ruleVersion, createdAt,
            ])
            quarantined += 1
            quarantineByReason[reason.code, default: 0] += 1
        }
        read += 1
    }

    @discardableResult
    private func insertRawRecord(_ record: PreparedRecord, disposition: String, duplicateOf: Int?) throws -> Int {
        try insertRaw.execute(arguments: [
            runId, sourceId, record.locator, record.line, record.rawContent, disposition, duplicateOf,
        ])
        return Int(db.lastInsertedRowID)
    }

    /// The id of the material with this canonical key, inserting it on first sight. An existing
    /// row is never changed: the first definition of a key wins.
    private func materialId(for material: PreparedMaterial) throws -> Int {
        if let cached = materialIds[material.canonicalKey] { return cached }
        let id: Int
        if let existing = try Int.fetchOne(findMaterial, arguments: [material.canonicalKey]) {
            id = existing
        } else {
            try insertMaterial.execute(arguments: [
                material.canonicalKey, material.reducedFormula, material.hillFormula, material.chemicalSystem,
                material.anonymousFormula, material.elementCount, material.fractionsJSON, material.keyTolerance,
            ])
            id = Int(db.lastInsertedRowID)
        }
        materialIds[material.canonicalKey] = id
        return id
    }
}
