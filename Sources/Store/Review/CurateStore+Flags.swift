import GRDB

extension CurateStore {
    /// Records flags from one producer in one transaction, idempotently.
    ///
    /// For each draft: if a person rejected a flag of the same kind on the same subject (from any
    /// producer), nothing is raised; if this producer already flagged the subject, an open flag
    /// gets the new score and evidence and a decided one keeps its decision untouched; otherwise a
    /// new open flag is inserted.
    public func recordFlags(_ drafts: [FlagDraft], producer: FlagProducer) throws -> FlagRecordingOutcome {
        try reviewWrite("recording flags") { db in
            var outcome = FlagRecordingOutcome()
            let rejected = try db.makeStatement(sql: "SELECT 1 FROM flags WHERE kind = ? AND subject_key = ? AND status = 'rejected' LIMIT 1")
            let existing = try db.makeStatement(sql: "SELECT id, status FROM flags WHERE kind = ? AND producer = ? AND subject_key = ?")
            let refresh = try db.makeStatement(sql: """
                UPDATE flags SET subject_label = ?, provenance_json = ?, score = ?, observed_json = ?, predicted_json = ?,
                                 uncertainty = ?, evidence_json = ?, model_path = ?, input_sha256 = ?
                WHERE id = ?
                """)
            let insert = try db.makeStatement(sql: """
                INSERT INTO flags (kind, model_path, model_sha256, input_sha256, producer, subject_key, subject_label, provenance_json,
                                   score, observed_json, predicted_json, uncertainty, evidence_json, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')
                """)
            for draft in drafts {
                guard draft.score.isFinite, draft.uncertainty.isFinite else {
                    throw StoreError.invalidArgument(name: "flag \(draft.subjectKey)", reason: "score and uncertainty must be finite")
                }
                if try Row.fetchOne(rejected, arguments: [draft.kind.rawValue, draft.subjectKey]) != nil {
                    outcome.suppressedByRejection += 1
                    outcome.flagIds.append(nil)
                    continue
                }
                if let row = try Row.fetchOne(existing, arguments: [draft.kind.rawValue, producer.key, draft.subjectKey]) {
                    let id: Int = try row.required("id", in: "flags")
                    let status: String = try row.required("status", in: "flags")
                    if status == FlagStatus.open.rawValue {
                        try refresh.execute(arguments: [draft.subjectLabel, draft.provenanceJSON, draft.score, draft.observedJSON,
                                                        draft.predictedJSON, draft.uncertainty, draft.evidenceJSON,
                                                        producer.modelPath, producer.inputSHA256, id])
                        outcome.refreshed += 1
                    } else {
                        outcome.alreadyDecided += 1
                    }
                    outcome.flagIds.append(id)
                    continue
                }
                try insert.execute(arguments: [draft.kind.rawValue, producer.modelPath, producer.modelSHA256, producer.inputSHA256,
                                               producer.key, draft.subjectKey, draft.subjectLabel, draft.provenanceJSON, draft.score,
                                               draft.observedJSON, draft.predictedJSON, draft.uncertainty, draft.evidenceJSON])
                outcome.inserted += 1
                outcome.flagIds.append(Int(db.lastInsertedRowID))
            }
            return outcome
        }
    }

    /// Flags with `status` (all when nil) and `kind` (both when nil), highest score first, then by id.
    public func flags(status: FlagStatus? = nil, kind: FlagKind? = nil) throws -> [FlagRecord] {
        var sql = "SELECT * FROM flags WHERE 1"
        var arguments = StatementArguments()
        if let status { sql += " AND status = ?"; arguments += [status.rawValue] }
        if let kind { sql += " AND kind = ?"; arguments += [kind.rawValue] }
        sql += " ORDER BY score DESC, id"
        return try read("listing flags") { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.flagRecord)
        }
    }

    /// The flag with this id, or nil.
    public func flag(id: Int) throws -> FlagRecord? {
        try read("reading flag \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM flags WHERE id = ?", arguments: [id]).map(Self.flagRecord)
        }
    }

    /// Accepts or rejects an open flag in one transaction. Accepting also writes the subject to
    /// the review exclusions with reason `flag_accepted`, so later releases leave it out. The
    /// decision is appended to the flag's history (``flagHistory(id:)``) with `reviewer` when given.
    /// - Throws: ``StoreError/invalidArgument(name:reason:)`` when the flag does not exist, is
    ///   already decided, or `status` is `.open`.
    @discardableResult
    public func decideFlag(id: Int, status: FlagStatus, note: String, reviewer: String? = nil) throws -> FlagRecord {
        guard status != .open else {
            throw StoreError.invalidArgument(name: "status", reason: "a decision is accepted or rejected, not open")
        }
        return try reviewWrite("deciding flag \(id)") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM flags WHERE id = ?", arguments: [id]) else {
                throw StoreError.invalidArgument(name: "flag", reason: "no flag with id \(id)")
            }
            let flag = try Self.flagRecord(row)
            guard flag.status == .open else {
                throw StoreError.invalidArgument(name: "flag", reason: "flag \(id) is already \(flag.status.rawValue)")
            }
            let decidedAt = Timestamp.now()
            try db.execute(sql: "UPDATE flags SET status = ?, decision_note = ?, decided_at = ? WHERE id = ?",
                           arguments: [status.rawValue, note, decidedAt, id])
            try db.execute(sql: "INSERT INTO flag_decisions (flag_id, action, reviewer, note, decided_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, status.rawValue, reviewer, note, decidedAt])
            if status == .accepted {
                try db.execute(sql: """
                    INSERT INTO review_exclusions (flag_id, kind, subject_key, reason, note) VALUES (?, ?, ?, 'flag_accepted', ?)
                    """, arguments: [id, flag.kind.rawValue, flag.subjectKey, note])
            }
            var decided = flag
            decided.status = status
            decided.decisionNote = note
            return decided
        }
    }

    /// Subjects excluded by accepted flags, of one kind (both when nil), by flag id.
    public func reviewExclusions(kind: FlagKind? = nil) throws -> [ReviewExclusion] {
        var sql = "SELECT flag_id, kind, subject_key, reason, note FROM review_exclusions"
        var arguments = StatementArguments()
        if let kind { sql += " WHERE kind = ?"; arguments += [kind.rawValue] }
        sql += " ORDER BY flag_id"
        return try read("listing review exclusions") { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let table = "review_exclusions"
                let kindText: String = try row.required("kind", in: table)
                guard let kind = FlagKind(rawValue: kindText) else {
                    throw StoreError.corruptRow(table: table, reason: "kind \(kindText)")
                }
                return ReviewExclusion(flagId: try row.required("flag_id", in: table), kind: kind,
                                       subjectKey: try row.required("subject_key", in: table),
                                       reason: try row.required("reason", in: table), note: try row.required("note", in: table))
            }
        }
    }

    static func flagRecord(_ row: Row) throws -> FlagRecord {
        let table = "flags"
        let kindText: String = try row.required("kind", in: table)
        let statusText: String = try row.required("status", in: table)
        guard let kind = FlagKind(rawValue: kindText) else { throw StoreError.corruptRow(table: table, reason: "kind \(kindText)") }
        guard let status = FlagStatus(rawValue: statusText) else {
            throw StoreError.corruptRow(table: table, reason: "status \(statusText)")
        }
        return FlagRecord(
            id: try row.required("id", in: table), kind: kind,
            producer: FlagProducer(modelPath: try row.required("model_path", in: table),
                                   modelSHA256: try row.required("model_sha256", in: table),
                                   inputSHA256: try row.required("input_sha256", in: table)),
            subjectKey: try row.required("subject_key", in: table), subjectLabel: try row.required("subject_label", in: table),
            provenanceJSON: try row.required("provenance_json", in: table), score: try row.required("score", in: table),
            observedJSON: try row.required("observed_json", in: table), predictedJSON: try row.required("predicted_json", in: table),
            uncertainty: try row.required("uncertainty", in: table), evidenceJSON: try row.required("evidence_json", in: table),
            status: status, decisionNote: try row.optional("decision_note", in: table))
    }

    /// Runs a write transaction, refusing re-entrant calls and turning database errors into
    /// ``StoreError/database(operation:reason:)``.
    func reviewWrite<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        try refuseReentrance(operation)
        do {
            return try queue.write(body)
        } catch let error as DatabaseError {
            throw StoreError.database(operation: operation, reason: Self.reason(error))
        }
    }
}
