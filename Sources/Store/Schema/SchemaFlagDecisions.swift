/// Migration 0015: the history of review decisions. Every accept, reject and undo of a flag is
/// one row, so undoing a decision (the flag goes back to `open`) never loses who decided what,
/// when and why. Decisions taken before this migration are copied in as their first row.
/// Frozen once shipped, like every migration.
enum SchemaFlagDecisions {
    static let table = """
        CREATE TABLE flag_decisions (
            id              INTEGER PRIMARY KEY,
            flag_id         INTEGER NOT NULL REFERENCES flags(id),
            -- 'accepted' or 'rejected' (a decision), 'undone' (the flag went back to open).
            action          TEXT NOT NULL CHECK (action IN ('accepted', 'rejected', 'undone')),
            -- Who took it, when known (the web form's reviewer, the command line's --reviewer).
            reviewer        TEXT,
            note            TEXT NOT NULL,
            decided_at      TEXT NOT NULL,
            -- For an undo: the decision it took back.
            undone_status   TEXT CHECK (undone_status IS NULL OR undone_status IN ('accepted', 'rejected')),
            undone_note     TEXT
        ) STRICT;

        CREATE INDEX flag_decisions_by_flag ON flag_decisions(flag_id, id);

        INSERT INTO flag_decisions (flag_id, action, note, decided_at)
        SELECT id, status, COALESCE(decision_note, ''), COALESCE(decided_at, '')
        FROM flags WHERE status != 'open' ORDER BY id;
        """
}
