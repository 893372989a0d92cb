import Store

/// What the store holds: counts (`curate stats`) and the quarantine ledger (`curate quarantine`).
public enum StoreInventory {
    /// Counts per source, per property and qualifier, and per quarantine reason.
    public static func stats(storePath: String) throws -> StoreStats {
        let store = try StoreOpening.open(storePath)
        return try step(storePath) { try store.stats() }
    }

    /// Quarantined records, optionally only of one reason code or source, at most `limit`.
    public static func quarantine(storePath: String, reason: String? = nil, source: String? = nil,
                                  limit: Int? = nil) throws -> [QuarantineEntry] {
        let store = try StoreOpening.open(storePath)
        return try step(storePath) { try store.quarantineEntries(reasonCode: reason, source: source, limit: limit) }
    }
}
