import GRDB

extension CurateStore {
    /// Records a hull run and its derived values in one transaction, unless a run with the same
    /// sources, property, correction, chemsys filter, method, tool version and entries sha256
    /// exists: then nothing is written and that run is returned with `reused` = true (identical
    /// entries give identical values, so a re-run adds nothing).
    @discardableResult
    public func recordHullRun(_ draft: HullRunDraft) throws -> (runId: Int, reused: Bool) {
        if let existing = try hullRuns().last(where: { Self.sameInputs($0, draft) }) { return (existing.id, true) }
        try refuseReentrance("recording a hull run")
        // Non-finite numbers never enter the store (issue 17): refused before anything is written.
        for value in draft.values {
            guard value.value.isFinite else {
                throw StoreError.invalidArgument(name: "derived value of observation \(value.observationId)",
                                                 reason: "\(value.quantity) = \(value.value) is not finite")
            }
            if let json = value.decompositionJSON, let token = FiniteJSONCheck.nonFiniteToken(in: json) {
                throw StoreError.invalidArgument(name: "derived value of observation \(value.observationId)",
                                                 reason: "decomposition_json holds \"\(token)\", not a finite JSON number")
            }
        }
        do {
            return try queue.write { db -> (runId: Int, reused: Bool) in
                try db.execute(sql: """
                    INSERT INTO hull_runs (sources, property, correction, chemsys_filter, method, entries_sha256, entry_count,
                                           system_count, stable_count, implicit_references, tool_version, started_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [draft.sources, draft.property, draft.correction, draft.chemsysFilter, draft.method,
                                     draft.entriesSHA256, draft.entryCount, draft.systemCount, draft.stableCount,
                                     draft.implicitReferences, draft.toolVersion, Timestamp.now()])
                let runId = Int(db.lastInsertedRowID)
                let insert = try FastStatement(db, sql: """
                    INSERT INTO derived_values (hull_run_id, observation_id, quantity, value, unit, stable, decomposition_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
                defer { insert.finalize() }
                for value in draft.values {
                    try insert.run([.int(runId), .int(value.observationId), .text(value.quantity), .double(value.value),
                                    .text(value.unit), .int(value.stable ? 1 : 0), FastValue(value.decompositionJSON)])
                }
                return (runId, false)
            }
        } catch let error as DatabaseError {
            throw StoreError.database(operation: "recording a hull run", reason: Self.reason(error))
        }
    }

    /// All hull runs, oldest first.
    public func hullRuns() throws -> [HullRunRecord] {
        try read("listing hull runs") { db in
            try Row.fetchAll(db, sql: """
                SELECT id, sources, property, correction, chemsys_filter, method, entries_sha256, entry_count, system_count,
                       stable_count, implicit_references, tool_version, started_at FROM hull_runs ORDER BY id
                """).map { row in
                HullRunRecord(id: row[0], sources: row[1], property: row[2], correction: row[3], chemsysFilter: row[4],
                              method: row[5], entriesSHA256: row[6], entryCount: row[7], systemCount: row[8],
                              stableCount: row[9], implicitReferences: row[10], toolVersion: row[11], startedAt: row[12])
            }
        }
    }

    /// The derived values of hull run `runId`, by observation id then quantity.
    public func derivedValues(runId: Int) throws -> [HullDerivedValue] {
        try read("listing derived values") { db in
            try Row.fetchAll(db, sql: """
                SELECT observation_id, quantity, value, unit, stable, decomposition_json FROM derived_values
                WHERE hull_run_id = ? ORDER BY observation_id, quantity
                """, arguments: [runId]).map { row in
                HullDerivedValue(observationId: row[0], quantity: row[1], value: row[2], unit: row[3],
                                 stable: (row[4] as Int) == 1, decompositionJSON: row[5])
            }
        }
    }

    private static func sameInputs(_ run: HullRunRecord, _ draft: HullRunDraft) -> Bool {
        run.entriesSHA256 == draft.entriesSHA256 && run.method == draft.method && run.toolVersion == draft.toolVersion
            && run.property == draft.property && run.correction == draft.correction && run.sources == draft.sources
            && run.chemsysFilter == draft.chemsysFilter
    }
}
