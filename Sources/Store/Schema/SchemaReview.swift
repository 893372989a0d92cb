/// Tables of the review workflow (migration `0011-review`): flags raised by models against
/// stored records, the decisions people took on them, the exclusions accepted flags cause, and
/// the embeddings similarity search reads.
enum SchemaReview {
    static let tables = """
        CREATE TABLE flags (
            id                INTEGER PRIMARY KEY,
            -- 'reaction' (subject = reaction id) or 'property' (subject = observation id).
            kind              TEXT NOT NULL CHECK (kind = 'reaction' OR kind = 'property'),
            -- What produced the flag: the model directory as given, its content hash, and the
            -- sha256 of the predictions file when the flag came from one.
            model_path        TEXT NOT NULL,
            model_sha256      TEXT NOT NULL,
            input_sha256      TEXT NOT NULL,
            -- Idempotency key part: model_sha256 when known, else input_sha256.
            producer          TEXT NOT NULL CHECK (length(producer) > 0),
            subject_key       TEXT NOT NULL CHECK (length(subject_key) > 0),
            subject_label     TEXT NOT NULL,
            provenance_json   TEXT NOT NULL,
            score             REAL NOT NULL,
            observed_json     TEXT NOT NULL,
            predicted_json    TEXT NOT NULL,
            uncertainty       REAL NOT NULL,
            evidence_json     TEXT NOT NULL,
            status            TEXT NOT NULL CHECK (status = 'open' OR status = 'accepted' OR status = 'rejected'),
            decision_note     TEXT,
            decided_at        TEXT,
            UNIQUE (kind, producer, subject_key)
        ) STRICT;

        CREATE TABLE review_exclusions (
            id            INTEGER PRIMARY KEY,
            flag_id       INTEGER NOT NULL UNIQUE REFERENCES flags(id),
            kind          TEXT NOT NULL,
            subject_key   TEXT NOT NULL,
            reason        TEXT NOT NULL,
            note          TEXT NOT NULL
        ) STRICT;

        CREATE TABLE embeddings (
            id             INTEGER PRIMARY KEY,
            model_id       TEXT NOT NULL CHECK (length(model_id) > 0),
            subject_key    TEXT NOT NULL CHECK (length(subject_key) > 0),
            label          TEXT NOT NULL,
            metadata_json  TEXT NOT NULL,
            dimension      INTEGER NOT NULL CHECK (dimension > 0),
            -- Little-endian Float32, dimension × 4 bytes.
            vector         BLOB NOT NULL CHECK (length(vector) = dimension * 4),
            UNIQUE (model_id, subject_key)
        ) STRICT;

        CREATE INDEX flags_by_status ON flags(status, kind);
        CREATE INDEX flags_by_subject ON flags(kind, subject_key);
        CREATE INDEX review_exclusions_by_subject ON review_exclusions(kind, subject_key);
        """
}
