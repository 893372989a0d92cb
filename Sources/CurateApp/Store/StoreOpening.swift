import Store

/// Opening the store a workflow reads or writes, with the one error message every command gives.
/// Writers wait for each other (`StoreAccess.busyTimeout`, `CURATE_BUSY_TIMEOUT`); only commands
/// that add data create a missing store.
public enum StoreOpening {
    /// Opens and migrates the existing store at `path`; a missing store is an error and nothing
    /// is created (`curate stats --store typo.sqlite` must not leave a file behind).
    public static func open(_ path: String) throws -> CurateStore {
        try opening(path, access: .existing)
    }

    /// Opens the store at `path`, creating it (and its folder) when missing: for commands that
    /// add data (ingest, demo).
    public static func create(_ path: String) throws -> CurateStore {
        try opening(path, access: .standard)
    }

    /// The store, or one failure that names it once ("cannot open store PATH: why").
    static func opening(_ path: String, access: StoreAccess) throws -> CurateStore {
        do {
            return try CurateStore(path: path, access: access)
        } catch {
            let text = String(describing: error)
            throw WorkflowError(text.hasPrefix("cannot open store") ? text : "cannot open store \(path): \(text)")
        }
    }
}
