import GRDB

extension CurateStore {
    /// Every decision taken on flag `id` and every undo, oldest first (empty for an open flag
    /// never decided, or no such flag).
    public func flagHistory(id: Int) throws -> [FlagDecisionEvent] {
        try read("reading the decision history of flag \(id)") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM flag_decisions WHERE flag_id = ? ORDER BY id", arguments: [id]).map(Self.decisionEvent)
        }
    }

    /// Takes back the decision on flag `id`: the flag goes back to `open` and, when it was
    /// accepted, its subject leaves the review exclusions (later releases keep it again). The
    /// undo is appended to the flag's history with `reviewer`, `note` and the time, beside the
    /// decision it took back, in one transaction.
    ///
    /// `expectedDecision` is the history entry the caller saw as the flag's newest (the review
    /// page sends it): when someone undid the flag and decided it again since, nothing changes.
    /// - Throws: ``FlagDecisionConflict`` when the flag is open or its newest entry is not
    ///   `expectedDecision`; ``StoreError/invalidArgument(name:reason:)`` when there is no such
    ///   flag or `note` is empty.
    @discardableResult
    public func undoFlagDecision(id: Int, note: String, reviewer: String? = nil, expectedDecision: Int? = nil) throws -> FlagRecord {
        guard note.contains(where: { !$0.isWhitespace }) else {
            throw StoreError.invalidArgument(name: "note", reason: "an undo needs a note saying why")
        }
        let outcome: Result<FlagRecord, FlagDecisionConflict> = try reviewWrite("undoing the decision on flag \(id)") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM flags WHERE id = ?", arguments: [id]) else {
                throw StoreError.invalidArgument(name: "flag", reason: "no flag with id \(id)")
            }
            let flag = try Self.flagRecord(row)
            let latest = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM flag_decisions WHERE flag_id = ?", arguments: [id])
            guard flag.status != .open, expectedDecision == nil || expectedDecision == latest else {
                return .failure(FlagDecisionConflict(flagId: id, status: flag.status, latestDecision: latest, expectedDecision: expectedDecision))
            }
            try db.execute(sql: "UPDATE flags SET status = 'open', decision_note = NULL, decided_at = NULL WHERE id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM review_exclusions WHERE flag_id = ?", arguments: [id])
            try db.execute(sql: """
                INSERT INTO flag_decisions (flag_id, action, reviewer, note, decided_at, undone_status, undone_note)
                VALUES (?, 'undone', ?, ?, ?, ?, ?)
                """, arguments: [id, reviewer, note, Timestamp.now(), flag.status.rawValue, flag.decisionNote])
            var reopened = flag
            reopened.status = .open
            reopened.decisionNote = nil
            return .success(reopened)
        }
        return try outcome.get()
    }

    static func decisionEvent(_ row: Row) throws -> FlagDecisionEvent {
        let table = "flag_decisions"
        let actionText: String = try row.required("action", in: table)
        guard let action = FlagDecisionAction(rawValue: actionText) else {
            throw StoreError.corruptRow(table: table, reason: "action \(actionText)")
        }
        let undoneText: String? = try row.optional("undone_status", in: table)
        let undone = try undoneText.map { text in
            guard let status = FlagStatus(rawValue: text) else { throw StoreError.corruptRow(table: table, reason: "undone_status \(text)") }
            return status
        }
        return FlagDecisionEvent(id: try row.required("id", in: table), flagId: try row.required("flag_id", in: table), action: action,
                                 reviewer: try row.optional("reviewer", in: table), note: try row.required("note", in: table),
                                 decidedAt: try row.required("decided_at", in: table), undoneStatus: undone,
                                 undoneNote: try row.optional("undone_note", in: table))
    }
}
