/// Tables written by curation runs (migration `0009-curation`). Curation never edits ingested
/// rows: it records runs, what each run excluded and why, the dedup clusters it formed, and
/// the curated records it produced.
enum SchemaCuration {
    static let tables = """
        CREATE TABLE curation_runs (
            id              INTEGER PRIMARY KEY,
            spec_name       TEXT NOT NULL CHECK (length(spec_name) > 0),
            spec_version    TEXT NOT NULL,
            spec_sha256     TEXT NOT NULL,
            spec_json       TEXT NOT NULL,
            tool_version    TEXT NOT NULL,
            store_hash      TEXT NOT NULL,
            started_at      TEXT NOT NULL,
            input_count     INTEGER NOT NULL CHECK (input_count >= 0),
            curated_count   INTEGER NOT NULL CHECK (curated_count >= 0),
            funnel_json     TEXT NOT NULL
        ) STRICT;

        CREATE TABLE exclusions (
            id               INTEGER PRIMARY KEY,
            curation_run_id  INTEGER NOT NULL REFERENCES curation_runs(id),
            observation_id   INTEGER NOT NULL REFERENCES observations(id),
            rule             TEXT NOT NULL,
            rule_version     TEXT NOT NULL,
            reason           TEXT NOT NULL,
            evidence_json    TEXT,
            UNIQUE (curation_run_id, observation_id)
        ) STRICT;

        CREATE TABLE clusters (
            id                INTEGER PRIMARY KEY,
            curation_run_id   INTEGER NOT NULL REFERENCES curation_runs(id),
            cluster_key       TEXT NOT NULL,
            tier              TEXT NOT NULL,
            size              INTEGER NOT NULL CHECK (size > 0),
            measured_count    INTEGER NOT NULL,
            censored_count    INTEGER NOT NULL,
            value             REAL,
            qualifier         TEXT NOT NULL,
            aggregation       TEXT NOT NULL,
            spread            REAL,
            relative_spread   REAL,
            flagged           INTEGER NOT NULL CHECK (flagged IN (0, 1)),
            evidence_json     TEXT NOT NULL,
            UNIQUE (curation_run_id, cluster_key)
        ) STRICT;

        CREATE TABLE cluster_members (
            cluster_id      INTEGER NOT NULL REFERENCES clusters(id),
            observation_id  INTEGER NOT NULL REFERENCES observations(id),
            PRIMARY KEY (cluster_id, observation_id)
        ) STRICT;

        CREATE INDEX exclusions_by_observation ON exclusions(observation_id);
        CREATE INDEX cluster_members_by_observation ON cluster_members(observation_id);
        """
}
