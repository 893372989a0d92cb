import CurateIO
import GRDB
import GRDBSQLite

/// The deterministic byte stream behind ``CurateStore/contentHash()``.
///
/// Format version 1: the header `curate-content v1\n`, then for each table below, in this
/// order, `table <name>\n` followed by one line per row in ascending `id`, each value encoded
/// unambiguously: `n;` NULL, `i<decimal>;` integer, `r<16 hex digits of the IEEE-754 bits>;`
/// real, `s<utf8 byte count>:<bytes>` text, `b<byte count>:<bytes>` blob. Timestamps and run
/// bookkeeping are excluded so that identical content gives an identical hash.
enum ContentDump {
    static let header = "curate-content v1\n"

    /// Table name and the exact columns that go into the hash, in order.
    static let tables: [(name: String, columns: [String])] = [
        ("sources", ["id", "kind", "name", "layout"]),
        ("materials", ["id", "canonical_key", "reduced_formula", "hill_formula", "chemical_system",
                       "anonymous_formula", "element_count", "fractions_json", "key_tolerance"]),
        // A record whose bytes are not valid UTF-8 hashes its exact bytes (a blob); every other
        // record hashes its text, as before the bytes were kept.
        ("raw_records", ["id", "run_id", "source_id", "locator", "line", "COALESCE(content_bytes, content)", "disposition",
                         "duplicate_of_observation_id"]),
        ("observations", ["id", "raw_record_id", "material_id", "source_id", "run_id", "formula_as_written",
                          "composition_json", "property", "value", "unit", "qualifier", "value_as_reported",
                          "conditions_json", "metadata_json", "dedup_key", "parser_version"]),
        ("quarantine", ["id", "raw_record_id", "run_id", "source_id", "reason_code", "message", "field",
                        "position", "rule_version"]),
    ]

    static func hash(_ db: Database) throws -> String {
        guard let connection = db.sqliteConnection else {
            throw StoreError.database(operation: "hashing store content", reason: "the connection is closed")
        }
        var hasher = SHA256Hasher()
        hasher.update(header)
        var line: [UInt8] = []
        line.reserveCapacity(4096)
        for table in tables {
            hasher.update("table \(table.name)\n")
            let sql = "SELECT \(table.columns.joined(separator: ", ")) FROM \(table.name) ORDER BY id"
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
                sqlite3_finalize(statement)
                throw StoreError.database(operation: "hashing \(table.name)", reason: String(cString: sqlite3_errmsg(connection)))
            }
            defer { sqlite3_finalize(statement) }
            let columnCount = sqlite3_column_count(statement)
            while true {
                let code = sqlite3_step(statement)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw StoreError.database(operation: "hashing \(table.name)", reason: String(cString: sqlite3_errmsg(connection)))
                }
                line.removeAll(keepingCapacity: true)
                for column in 0..<columnCount { encode(statement, column, into: &line) }
                line.append(0x0a)
                hasher.update(line)
            }
        }
        return hasher.finalizeHex()
    }

    /// Appends one column of the current row in the v1 encoding, reading SQLite's buffers directly.
    private static func encode(_ statement: OpaquePointer, _ column: CInt, into out: inout [UInt8]) {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            out.append(UInt8(ascii: "i"))
            appendDecimal(sqlite3_column_int64(statement, column), to: &out)
            out.append(UInt8(ascii: ";"))
        case SQLITE_FLOAT:
            out.append(UInt8(ascii: "r"))
            let bits = sqlite3_column_double(statement, column).bitPattern
            for shift in stride(from: 60, through: 0, by: -4) {
                out.append(hexDigits[Int((bits >> UInt64(shift)) & 0xf)])
            }
            out.append(UInt8(ascii: ";"))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, column))
            out.append(UInt8(ascii: "s"))
            appendDecimal(Int64(count), to: &out)
            out.append(UInt8(ascii: ":"))
            if count > 0, let text = sqlite3_column_text(statement, column) {
                out.append(contentsOf: UnsafeBufferPointer(start: text, count: count))
            }
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, column))
            out.append(UInt8(ascii: "b"))
            appendDecimal(Int64(count), to: &out)
            out.append(UInt8(ascii: ":"))
            if count > 0, let blob = sqlite3_column_blob(statement, column) {
                out.append(contentsOf: UnsafeRawBufferPointer(start: blob, count: count))
            }
        default:
            out.append(contentsOf: "n;".utf8)
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
        out.append(contentsOf: String(value).utf8)
    }
}
