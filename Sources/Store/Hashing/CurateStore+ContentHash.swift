extension CurateStore {
    /// SHA-256 (lowercase hex) over a deterministic dump of `sources`, `materials`,
    /// `raw_records`, `observations` and `quarantine`, ordered by id, excluding timestamps.
    /// Two stores filled with the same records in the same order have the same hash.
    /// The dump format is described in `schemas/store.md` (content hash v1).
    public func contentHash() throws -> String {
        try read("hashing store content") { db in try ContentDump.hash(db) }
    }
}
