import Store

/// The dedup groups of one canonical key at a time, for curation over observations read in
/// canonical-key order (``CurateStore/forEachCurationInput(property:sources:_:)``): when an input
/// with the next key arrives, the groups of the previous key are handed out in group-key order,
/// so groups come out in the same order as ``CurationEngine/run(spec:inputs:)`` sorts them and
/// memory holds one canonical key's observations, not the store's.
public struct DedupGroupBuffer: Sendable {
    private var canonicalKey: String?
    private var groups: [String: [CurationInput]] = [:]
    private var lastKey: String?

    /// An empty buffer.
    public init() {}

    /// Adds a screened `input` to group `key` (its canonical key, or that key and a
    /// protostructure label); an input with a new canonical key first hands the buffered groups
    /// to `curate`.
    public mutating func add(_ input: CurationInput, key: String,
                             _ curate: (_ key: String, _ members: [CurationInput]) throws -> Void) throws {
        if input.canonicalKey != canonicalKey {
            try flush(curate)
            canonicalKey = input.canonicalKey
        }
        groups[key, default: []].append(input)
    }

    /// Hands the buffered groups to `curate` in key order, members in arrival order. Throws
    /// ``CurationError/groupsOutOfOrder(previous:next:)`` when a key does not sort after the
    /// last one handed out.
    public mutating func flush(_ curate: (_ key: String, _ members: [CurationInput]) throws -> Void) throws {
        for key in groups.keys.sorted() {
            guard let members = groups[key] else { continue }
            if let last = lastKey, !(last < key) { throw CurationError.groupsOutOfOrder(previous: last, next: key) }
            lastKey = key
            try curate(key, members)
        }
        groups.removeAll(keepingCapacity: true)
    }
}
