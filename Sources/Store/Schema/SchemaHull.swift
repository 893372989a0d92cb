/// Tables written by hull runs (migration `0010-hull-results`): derived values computed from
/// stored observations, never edits of them. A run records exactly which entries it used (the
/// sha256 of their canonical listing), so identical entries give an identical run.
enum SchemaHull {
    static let tables = """
        CREATE TABLE hull_runs (
            id               INTEGER PRIMARY KEY,
            sources          TEXT NOT NULL,
            property         TEXT NOT NULL,
            correction       TEXT NOT NULL,
            chemsys_filter   TEXT,
            method           TEXT NOT NULL,
            entries_sha256   TEXT NOT NULL CHECK (length(entries_sha256) = 64),
            entry_count      INTEGER NOT NULL CHECK (entry_count >= 0),
            system_count     INTEGER NOT NULL CHECK (system_count >= 0),
            stable_count     INTEGER NOT NULL CHECK (stable_count >= 0),
            implicit_references TEXT NOT NULL,
            tool_version     TEXT NOT NULL,
            started_at       TEXT NOT NULL
        ) STRICT;

        CREATE TABLE derived_values (
            id                  INTEGER PRIMARY KEY,
            hull_run_id         INTEGER NOT NULL REFERENCES hull_runs(id),
            observation_id      INTEGER NOT NULL REFERENCES observations(id),
            quantity            TEXT NOT NULL CHECK (quantity IN ('e_above_hull', 'phase_separation_energy')),
            value               REAL NOT NULL,
            unit                TEXT NOT NULL,
            stable              INTEGER NOT NULL CHECK (stable IN (0, 1)),
            decomposition_json  TEXT,
            UNIQUE (hull_run_id, observation_id, quantity)
        ) STRICT;

        CREATE INDEX derived_values_by_observation ON derived_values(observation_id);
        CREATE INDEX hull_runs_by_entries ON hull_runs(entries_sha256);
        """
}
