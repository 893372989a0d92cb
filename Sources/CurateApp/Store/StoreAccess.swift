import Store

/// Opening the store a workflow reads or writes, with the one error message every command gives.
public enum StoreAccess {
    /// Opens (creating and migrating if needed) the store at `path`.
    public static func open(_ path: String) throws -> CurateStore {
        try step("cannot open store \(path)") { try CurateStore(path: path) }
    }
}
