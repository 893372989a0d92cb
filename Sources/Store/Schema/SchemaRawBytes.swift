/// Migration 0012: raw records keep their exact bytes when those are not valid UTF-8.
///
/// `content` stays the UTF-8 text (invalid sequences as U+FFFD) that queries and the command
/// line show; `content_bytes` holds the bytes exactly as read, only for records whose bytes
/// differ from `content`'s UTF-8, so that such a record can be written back byte for byte.
/// Frozen once shipped, like every migration.
enum SchemaRawBytes {
    static let column = """
        ALTER TABLE raw_records ADD COLUMN content_bytes BLOB;
        CREATE TRIGGER raw_records_bytes_immutable
        BEFORE UPDATE OF content_bytes ON raw_records
        BEGIN
            SELECT RAISE(ABORT, 'raw_records are immutable: content_bytes cannot change');
        END;
        """
}
