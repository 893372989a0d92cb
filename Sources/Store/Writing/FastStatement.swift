import GRDB
import GRDBSQLite

/// A statement prepared and driven directly through the SQLite C API, for the ingest hot loop.
///
/// GRDB's `execute(arguments:)` boxes every argument in an existential, validates it, and
/// copies each string into SQLite on every call; at ~5 statements per record that dominated
/// ingest time. Here text is bound in place (`SQLITE_STATIC`, valid for the duration of the
/// step), the statement is reset after each step, and it is finalized by ``finalize()`` when
/// the ingest ends. It is private to one ``IngestWriter`` and never shared with GRDB's cache.
final class FastStatement {
    private var handle: OpaquePointer?
    private let connection: OpaquePointer
    private let parameterCount: Int

    convenience init(_ db: Database, sql: String) throws {
        guard let connection = db.sqliteConnection else {
            throw StoreError.database(operation: "preparing ingest statements", reason: "the connection is closed")
        }
        try self.init(connection: connection, sql: sql)
    }

    /// A statement on a raw SQLite connection (one the caller opened and keeps open).
    init(connection: OpaquePointer, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw StoreError.database(operation: "preparing `\(sql)`",
                                      reason: "\(String(cString: sqlite3_errmsg(connection))) (SQLite code \(code))")
        }
        self.connection = connection
        self.handle = statement
        self.parameterCount = Int(sqlite3_bind_parameter_count(statement))
    }

    deinit { finalize() }

    /// Releases the SQLite statement; later calls to ``run(_:)`` throw.
    func finalize() {
        sqlite3_finalize(handle)
        handle = nil
    }

    /// Rows changed by the most recent completed INSERT/UPDATE/DELETE on this connection
    /// (0 after an `INSERT … ON CONFLICT DO NOTHING` that did nothing).
    var changes: Int { Int(sqlite3_changes(connection)) }

    /// Rowid of the most recent successful INSERT on this connection.
    var lastInsertedRowID: Int { Int(sqlite3_last_insert_rowid(connection)) }

    /// Binds `values` to the parameters 1…n, steps once, resets, and returns the first column
    /// of the first result row if there was one.
    @discardableResult
    func run(_ values: [FastValue]) throws -> Int64? {
        guard let handle else {
            throw StoreError.sinkUnusable(reason: "the ingest statement was already finalized")
        }
        guard values.count == parameterCount else {
            throw StoreError.database(operation: "binding `\(String(cString: sqlite3_sql(handle)))`",
                                      reason: "\(values.count) values for \(parameterCount) parameters")
        }
        return try bindAndStep(handle, values, from: 0)
    }

    /// Binds `values[index...]` (text without copying, so each string's bytes must stay alive:
    /// hence the recursion inside `withUTF8`), then steps.
    private func bindAndStep(_ handle: OpaquePointer, _ values: [FastValue], from index: Int) throws -> Int64? {
        guard index < values.count else { return try step(handle) }
        let position = CInt(index + 1)
        let code: CInt
        switch values[index] {
        case .null:
            code = sqlite3_bind_null(handle, position)
        case .int(let int):
            code = sqlite3_bind_int64(handle, position, Int64(int))
        case .double(let double):
            code = sqlite3_bind_double(handle, position, double)
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                sqlite3_bind_blob(handle, position, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), CInt(raw.count), fastTransient)
            }
        case .text(var text):
            return try text.withUTF8 { bytes -> Int64? in
                let bound: CInt
                if let base = bytes.baseAddress, bytes.count > 0 {
                    guard bytes.count <= Int(CInt.max) else { throw failure(SQLITE_TOOBIG, handle) }
                    bound = base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        sqlite3_bind_text(handle, position, $0, CInt(bytes.count), nil)  // SQLITE_STATIC
                    }
                } else {
                    // An empty buffer may have no address, which SQLite would read as NULL.
                    bound = sqlite3_bind_text(handle, position, "", 0, fastTransient)
                }
                guard bound == SQLITE_OK else { throw failure(bound, handle) }
                return try bindAndStep(handle, values, from: index + 1)
            }
        }
        guard code == SQLITE_OK else { throw failure(code, handle) }
        return try bindAndStep(handle, values, from: index + 1)
    }

    private func step(_ handle: OpaquePointer) throws -> Int64? {
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            return sqlite3_column_type(handle, 0) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, 0)
        case SQLITE_DONE:
            return nil
        case let code:
            throw failure(code, handle)
        }
    }

    private func failure(_ code: CInt, _ handle: OpaquePointer) -> StoreError {
        .database(operation: "executing `\(String(cString: sqlite3_sql(handle)))`",
                  reason: "\(String(cString: sqlite3_errmsg(connection))) (SQLite code \(sqlite3_extended_errcode(connection)))")
    }
}

/// A value to bind in a ``FastStatement``.
enum FastValue {
    case null
    case int(Int)
    case double(Double)
    case text(String)
    case blob([UInt8])

    init(_ text: String?) { self = text.map(FastValue.text) ?? .null }
    init(_ int: Int?) { self = int.map(FastValue.int) ?? .null }
    init(_ double: Double?) { self = double.map(FastValue.double) ?? .null }
}

/// `SQLITE_TRANSIENT`: SQLite copies the bound bytes before the call returns.
private let fastTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
