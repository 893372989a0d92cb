/// What changed between two releases, record by record.
public struct ReleaseDiff: Sendable, Codable, Equatable {
    /// A record present in both whose content or split changed.
    public struct Change: Sendable, Codable, Equatable {
        public var id: String
        public var composition: String
        /// Changed fields as `field: old → new`.
        public var fields: [String]
    }

    public var from: String
    public var to: String
    /// Records only in `to`, sorted by id.
    public var added: [ReleaseReading.Line]
    /// Records only in `from`, sorted by id.
    public var removed: [ReleaseReading.Line]
    /// Records whose target, qualifier, composition, measurements or provenance changed.
    public var changed: [Change]
    /// Records whose split label changed (also listed in `changed` if their content changed).
    public var moved: [Change]
    /// Records unchanged in content and split.
    public var unchanged: Int

    /// Compares the records of two releases.
    public static func compare(from: String, _ old: [String: ReleaseReading.Line], to: String,
                               _ new: [String: ReleaseReading.Line]) -> ReleaseDiff {
        var diff = ReleaseDiff(from: from, to: to, added: [], removed: [], changed: [], moved: [], unchanged: 0)
        for id in new.keys.sorted() where old[id] == nil { if let line = new[id] { diff.added.append(line) } }
        for id in old.keys.sorted() {
            guard let before = old[id] else { continue }
            guard let after = new[id] else { diff.removed.append(before); continue }
            var fields: [String] = []
            if before.composition != after.composition { fields.append("composition: \(before.composition) → \(after.composition)") }
            func text<T>(_ value: T?) -> String { value.map { "\($0)" } ?? "none" }
            if before.target != after.target { fields.append("target: \(before.target.map(CSVText.number) ?? "none") → \(after.target.map(CSVText.number) ?? "none")") }
            if before.qualifier != after.qualifier { fields.append("qualifier: \(text(before.qualifier)) → \(text(after.qualifier))") }
            if before.measurements != after.measurements { fields.append("measurements: \(text(before.measurements)) → \(text(after.measurements))") }
            if before.precursors != after.precursors { fields.append("precursors changed") }
            if before.actions != after.actions { fields.append("actions changed") }
            if before.provenance != after.provenance {
                fields.append("provenance: −\(Set(before.provenance).subtracting(after.provenance).count) +\(Set(after.provenance).subtracting(before.provenance).count)")
            }
            if !fields.isEmpty { diff.changed.append(Change(id: id, composition: after.composition, fields: fields)) }
            if before.split != after.split {
                diff.moved.append(Change(id: id, composition: after.composition, fields: ["split: \(before.split) → \(after.split)"]))
            }
            if fields.isEmpty && before.split == after.split { diff.unchanged += 1 }
        }
        return diff
    }
}
