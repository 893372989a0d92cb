import GRDB

/// Where the store's content stands: it differs after any write committed through this store
/// (its connection's change count) or through any other connection or process (SQLite's
/// `data_version`). Lets a reader cache what it computed from the store until the store changes.
public struct StoreChangeMark: Sendable, Equatable, Hashable {
    public var dataVersion: Int
    public var localChanges: Int
}

extension CurateStore {
    /// The store's current ``StoreChangeMark`` (two tiny queries, no table read).
    public func changeMark() throws -> StoreChangeMark {
        try read("reading the store's change mark") { db in
            StoreChangeMark(dataVersion: try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0,
                            localChanges: try Int.fetchOne(db, sql: "SELECT total_changes()") ?? 0)
        }
    }
}
