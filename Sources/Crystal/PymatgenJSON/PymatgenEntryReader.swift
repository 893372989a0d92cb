import Foundation

/// Reads pymatgen entry documents: a list of entry dicts, one entry dict, or a dict of entries
/// keyed by name (as in `*-mp-elemental-reference-entries.json`, `{element: entry}`).
public enum PymatgenEntryReader {
    /// One entry with the key it had in a keyed document.
    public struct KeyedEntry: Sendable, Hashable {
        /// The key in a `{key: entry}` document; nil in a list or a single entry.
        public let key: String?
        /// The entry.
        public let entry: ComputedEntry
    }

    /// All entries of a JSON document, in document order (keys sorted for a keyed dict).
    public static func entries(json data: Data) throws(PymatgenJSONError) -> [KeyedEntry] {
        let root = try JSONNode.parse(data)
        if root.value is [Any] {
            var result: [KeyedEntry] = []
            for item in try root.array() { result.append(KeyedEntry(key: nil, entry: try ComputedEntry.read(item))) }
            return result
        }
        let object = try root.object()
        if object["energy"] != nil {
            return [KeyedEntry(key: nil, entry: try ComputedEntry.read(root))]
        }
        var result: [KeyedEntry] = []
        for key in object.keys.sorted() {
            result.append(KeyedEntry(key: key, entry: try ComputedEntry.read(root[key])))
        }
        return result
    }
}
