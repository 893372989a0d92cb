/// Migration 0014: where pulled files came from (`curate pull`): one row per pull, so a release
/// manifest can name the URL behind an ingested file's sha256. Frozen once shipped.
enum SchemaDownloads {
    static let table = """
        CREATE TABLE downloads (
            id              INTEGER PRIMARY KEY,
            url             TEXT NOT NULL CHECK (length(url) > 0),
            effective_url   TEXT NOT NULL,
            file_path       TEXT NOT NULL,
            file_sha256     TEXT NOT NULL CHECK (length(file_sha256) = 64),
            file_size       INTEGER NOT NULL CHECK (file_size >= 0),
            -- 'downloaded', 'resumed', 'restarted' or 'unchanged'.
            outcome         TEXT NOT NULL,
            -- The checksum the file was verified against ("sha256:…" / "md5:…"), if any.
            verified        TEXT,
            catalogue_name  TEXT,
            headers_json    TEXT NOT NULL CHECK (json_valid(headers_json)),
            transferred     INTEGER NOT NULL CHECK (transferred >= 0),
            pulled_at       TEXT NOT NULL,
            tool_version    TEXT NOT NULL
        ) STRICT;
        CREATE INDEX downloads_sha256 ON downloads (file_sha256);
        """
}
