import Foundation
import GRDB

/// The normalised SQLite store: one file, one writer connection, migrated on open.
///
/// All methods are synchronous and thread-safe: the underlying `DatabaseQueue` serialises
/// access. Methods throw ``StoreError`` for store failures; `ingest` additionally rethrows
/// whatever its body throws, after rolling back.
public final class CurateStore: Sendable {
    /// The file this store lives in, or `":memory:"` for ``inMemory()``.
    public let path: String
    let queue: DatabaseQueue

    /// Opens the store at `path` and applies any pending migrations. The file is put in WAL
    /// mode. With `access.createIfMissing` (the default) a missing file and its parent
    /// directory are created; without it a missing file is an error and nothing is created.
    /// A writer waits up to `access.busyTimeout` for another writer (see ``StoreAccess``).
    /// - Throws: ``StoreError/cannotCreateDirectory(path:reason:)``,
    ///   ``StoreError/cannotOpen(path:reason:)``, ``StoreError/newerSchema(path:unknownMigrations:)``
    ///   or ``StoreError/migrationFailed(path:reason:)``.
    public init(path: String, access: StoreAccess = .standard) throws {
        guard !path.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalidArgument(name: "path", reason: "the store path is empty")
        }
        if access.createIfMissing {
            let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotCreateDirectory(path: path, reason: error.localizedDescription)
            }
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw StoreError.cannotOpen(path: path, reason: "no such store file (this command only reads a store and never creates one)")
            }
            if isDirectory.boolValue {
                throw StoreError.cannotOpen(path: path, reason: "it is a directory, not a store file")
            }
        }
        var configuration = Self.baseConfiguration()
        configuration.journalMode = .wal
        let waiter = BusyWaiter(access: access, path: path)
        configuration.busyMode = .callback { tries in waiter.shouldRetry(tries: tries) }
        do {
            self.queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
        }
        self.path = path
        try migrate()
    }

    private init(inMemoryQueue: DatabaseQueue) throws {
        self.queue = inMemoryQueue
        self.path = ":memory:"
        try migrate()
    }

    /// A fresh, migrated store that lives in memory only (for tests and dry runs).
    public static func inMemory() throws -> CurateStore {
        do {
            return try CurateStore(inMemoryQueue: DatabaseQueue(configuration: baseConfiguration()))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.cannotOpen(path: ":memory:", reason: reason(error))
        }
    }

    /// Identifiers of the applied migrations, in application order (e.g. `"0001-sources"`).
    public func appliedMigrations() throws -> [String] {
        try read("listing migrations") { db in try StoreMigrations.migrator.appliedMigrations(db) }
    }

    // MARK: - Internals shared by the extensions

    private static func baseConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "curate.store"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // 64 MiB page cache: an ingest is one transaction, and with the default 2 MiB SQLite
            // spills dirty pages to the WAL before commit once a run outgrows it.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        return configuration
    }

    private func migrate() throws {
        let migrator = StoreMigrations.migrator
        do {
            let superseded = try queue.read { db in
                try migrator.hasBeenSuperseded(db)
                    ? migrator.appliedIdentifiers(db).subtracting(migrator.migrations).sorted()
                    : []
            }
            if !superseded.isEmpty {
                throw StoreError.newerSchema(path: path, unknownMigrations: superseded)
            }
            try migrator.migrate(queue)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.cannotOpen(path: path, reason: Self.reason(error))
        } catch {
            throw StoreError.migrationFailed(path: path, reason: Self.reason(error))
        }
    }

    /// Runs a read on the queue, refusing re-entrant calls from an ingest body and turning
    /// database errors into ``StoreError/database(operation:reason:)``.
    func read<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        try refuseReentrance(operation)
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw StoreError.database(operation: operation, reason: Self.reason(error))
        }
    }

    /// Throws instead of letting GRDB trap when a store method is called from inside an
    /// `ingest` body of the same store (the queue is not re-entrant).
    func refuseReentrance(_ operation: String) throws {
        if IngestContext.activeStores.contains(ObjectIdentifier(self)) {
            throw StoreError.reentrantAccess(operation: operation)
        }
    }

    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            let hint = error.resultCode == .SQLITE_BUSY
                ? "; another writer held the store past the busy timeout (raise it with --busy-timeout or \(StoreAccess.busyTimeoutVariable))"
                : ""
            return (error.message.map { "\($0) (SQLite code \(error.extendedResultCode.rawValue))" } ?? "\(error)") + hint
        }
        return "\(error)"
    }
}

/// Which stores are inside an `ingest` body on the current thread of execution.
enum IngestContext {
    @TaskLocal static var activeStores: Set<ObjectIdentifier> = []
}
