import GRDBSQLite

/// A private SQLite database in an anonymous temporary file, for sorting and set arithmetic
/// on more rows than fit in memory: no journal, no sync. SQLite unlinks the file as soon as it
/// opens it, so nothing is left behind even when the process is killed. Single-threaded.
final class ScratchDatabase {
    let connection: OpaquePointer

    /// Opens a new scratch database (in SQLite's temporary folder: `SQLITE_TMPDIR`, else `/var/tmp`,
    /// `/usr/tmp` or `/tmp`).
    init() throws {
        var handle: OpaquePointer?
        let code = sqlite3_open_v2("", &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard code == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            throw StoreError.cannotOpen(path: "(temporary)", reason: "cannot open a scratch database (SQLite code \(code))")
        }
        connection = handle
        try execute("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -32768; PRAGMA temp_store = FILE;")
        ScratchCollation.register(on: connection)
    }

    deinit { sqlite3_close_v2(connection) }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(connection, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let reason = message.map { String(cString: $0) } ?? "SQLite code \(code)"
            sqlite3_free(message)
            throw StoreError.database(operation: "scratch `\(sql.prefix(60))`", reason: reason)
        }
    }

    /// Steps `sql` (bound to `texts`) and hands each row to `body` as a ``ScratchRow``.
    func query(_ sql: String, texts: [String] = [], _ body: (ScratchRow) throws -> Void) throws {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw StoreError.database(operation: "scratch `\(sql.prefix(60))`", reason: String(cString: sqlite3_errmsg(connection)))
        }
        defer { sqlite3_finalize(statement) }
        let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
        let parameters = Int(sqlite3_bind_parameter_count(statement))
        for (index, text) in texts.prefix(parameters).enumerated() { sqlite3_bind_text(statement, CInt(index + 1), text, -1, transient) }
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw StoreError.database(operation: "scratch `\(sql.prefix(60))`", reason: String(cString: sqlite3_errmsg(connection)))
            }
            try body(ScratchRow(statement: statement))
        }
    }

    /// The single integer `sql` returns (0 when it returns nothing).
    func integer(_ sql: String, texts: [String] = []) throws -> Int {
        var value = 0
        try query(sql, texts: texts) { value = $0.int(0) }
        return value
    }
}

/// One row of a scratch query, valid only inside the query's callback.
struct ScratchRow {
    let statement: OpaquePointer

    func int(_ column: Int) -> Int { Int(sqlite3_column_int64(statement, CInt(column))) }

    func text(_ column: Int) -> String {
        guard let bytes = sqlite3_column_text(statement, CInt(column)) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, CInt(column)))
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func optionalText(_ column: Int) -> String? {
        sqlite3_column_type(statement, CInt(column)) == SQLITE_NULL ? nil : text(column)
    }

    func optionalDouble(_ column: Int) -> Double? {
        sqlite3_column_type(statement, CInt(column)) == SQLITE_NULL ? nil : sqlite3_column_double(statement, CInt(column))
    }
}

/// The `swift` collation: Swift's `String` ordering (`<`), for text that is not all ASCII
/// (for ASCII it equals SQLite's byte order, which is faster).
enum ScratchCollation {
    static func register(on connection: OpaquePointer) {
        sqlite3_create_collation_v2(connection, "swift", SQLITE_UTF8, nil, { _, leftCount, left, rightCount, right in
            let a = String(decoding: UnsafeRawBufferPointer(start: left, count: Int(leftCount)), as: UTF8.self)
            let b = String(decoding: UnsafeRawBufferPointer(start: right, count: Int(rightCount)), as: UTF8.self)
            return a < b ? -1 : (b < a ? 1 : 0)
        }, nil)
    }
}
