/// SQL of the first schema generation. Documented column by column in `schemas/store.md`.
///
/// These strings are frozen once shipped: a change to the schema is a new migration in
/// ``StoreMigrations``, never an edit here.
enum SchemaV1 {
    static let sources = """
        CREATE TABLE sources (
            id          INTEGER PRIMARY KEY,
            kind        TEXT NOT NULL CHECK (length(kind) > 0),
            name        TEXT NOT NULL CHECK (length(name) > 0),
            layout      TEXT NOT NULL CHECK (length(layout) > 0),
            created_at  TEXT NOT NULL,
            UNIQUE (kind, name)
        ) STRICT;
        """

    static let ingestRuns = """
        CREATE TABLE ingest_runs (
            id                 INTEGER PRIMARY KEY,
            source_id          INTEGER NOT NULL REFERENCES sources(id),
            file_path          TEXT NOT NULL,
            file_sha256        TEXT NOT NULL CHECK (length(file_sha256) > 0),
            file_size          INTEGER NOT NULL CHECK (file_size >= 0),
            tool_version       TEXT NOT NULL,
            parser_version     TEXT NOT NULL,
            options_json       TEXT NOT NULL CHECK (json_valid(options_json)),
            status             TEXT NOT NULL CHECK (status IN ('running', 'completed')),
            started_at         TEXT NOT NULL,
            finished_at        TEXT,
            read_count         INTEGER NOT NULL DEFAULT 0,
            stored_count       INTEGER NOT NULL DEFAULT 0,
            duplicate_count    INTEGER NOT NULL DEFAULT 0,
            quarantined_count  INTEGER NOT NULL DEFAULT 0,
            CONSTRAINT counts_reconcile
                CHECK (read_count = stored_count + duplicate_count + quarantined_count),
            CONSTRAINT completed_has_finish_time
                CHECK (status <> 'completed' OR finished_at IS NOT NULL)
        ) STRICT;
        CREATE INDEX ingest_runs_by_source_file ON ingest_runs(source_id, file_sha256, parser_version);
        """

    static let rawRecords = """
        CREATE TABLE raw_records (
            id                           INTEGER PRIMARY KEY,
            run_id                       INTEGER NOT NULL REFERENCES ingest_runs(id),
            -- Copy of the run's source_id (denormalised for per-source queries).
            source_id                    INTEGER NOT NULL,
            locator                      TEXT NOT NULL,
            line                         INTEGER CHECK (line IS NULL OR line >= 1),
            content                      TEXT NOT NULL,
            -- Spelled with OR: SQLite builds a temporary b-tree for an IN list of three or more
            -- constants on every row checked, which tripled ingest cost.
            disposition                  TEXT NOT NULL
                CHECK (disposition = 'stored' OR disposition = 'duplicate' OR disposition = 'quarantined'),
            duplicate_of_observation_id  INTEGER REFERENCES observations(id),
            CONSTRAINT duplicate_points_at_original
                CHECK ((disposition = 'duplicate') = (duplicate_of_observation_id IS NOT NULL))
        ) STRICT;
        """

    static let materials = """
        CREATE TABLE materials (
            id                 INTEGER PRIMARY KEY,
            canonical_key      TEXT NOT NULL UNIQUE CHECK (length(canonical_key) > 0),
            reduced_formula    TEXT NOT NULL,
            hill_formula       TEXT NOT NULL,
            chemical_system    TEXT NOT NULL,
            anonymous_formula  TEXT NOT NULL,
            element_count      INTEGER NOT NULL CHECK (element_count >= 0),
            fractions_json     TEXT NOT NULL,
            key_tolerance      REAL NOT NULL CHECK (key_tolerance >= 0)
        ) STRICT;
        """

    static let observations = """
        CREATE TABLE observations (
            id                  INTEGER PRIMARY KEY,
            raw_record_id       INTEGER NOT NULL UNIQUE REFERENCES raw_records(id),
            material_id         INTEGER NOT NULL REFERENCES materials(id),
            -- source_id and run_id copy those of the raw record (reachable through the
            -- raw_record_id foreign key); the writer keeps them equal. No foreign keys here:
            -- each one costs an index probe per insert.
            source_id           INTEGER NOT NULL,
            run_id              INTEGER NOT NULL,
            formula_as_written  TEXT NOT NULL,
            -- JSON columns are produced by the ingest library's encoders and not re-validated
            -- per insert (json_valid cost ~11% of ingest time); see schemas/store.md.
            composition_json    TEXT NOT NULL,
            property            TEXT NOT NULL CHECK (length(property) > 0),
            value               REAL,
            unit                TEXT,
            qualifier           TEXT NOT NULL CHECK (length(qualifier) > 0),
            value_as_reported   TEXT NOT NULL,
            conditions_json     TEXT,
            metadata_json       TEXT,
            dedup_key           TEXT NOT NULL CHECK (length(dedup_key) > 0),
            parser_version      TEXT NOT NULL,
            UNIQUE (source_id, dedup_key)
        ) STRICT;
        """

    static let quarantine = """
        CREATE TABLE quarantine (
            id             INTEGER PRIMARY KEY,
            raw_record_id  INTEGER NOT NULL UNIQUE REFERENCES raw_records(id),
            -- Copies of the raw record's run and source, kept equal by the writer.
            run_id         INTEGER NOT NULL,
            source_id      INTEGER NOT NULL,
            reason_code    TEXT NOT NULL CHECK (length(reason_code) > 0),
            message        TEXT NOT NULL,
            field          TEXT,
            position       INTEGER CHECK (position IS NULL OR position >= 1),
            rule_version   TEXT NOT NULL,
            created_at     TEXT NOT NULL
        ) STRICT;
        """

    static let indexes = """
        CREATE INDEX raw_records_by_run ON raw_records(run_id);
        CREATE INDEX observations_by_material ON observations(material_id);
        CREATE INDEX quarantine_by_reason ON quarantine(reason_code);
        CREATE INDEX quarantine_by_source ON quarantine(source_id);
        """

    static let rawRecordImmutability = """
        CREATE TRIGGER raw_records_content_immutable
        BEFORE UPDATE OF content, locator, line, run_id, source_id ON raw_records
        BEGIN
            SELECT RAISE(ABORT, 'raw_records are immutable: content, locator, line, run_id and source_id cannot change');
        END;
        """
}
