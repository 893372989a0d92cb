import GRDB

/// Finding and creating `sources` rows.
enum SourceRows {
    /// The id of the source `(kind, name)`, inserting it if absent. Refuses a layout that
    /// differs from the recorded one.
    static func upsert(_ db: Database, _ source: SourceDescriptor, createdAt: String) throws -> Int {
        if let row = try Row.fetchOne(db, sql: "SELECT id, layout FROM sources WHERE kind = ? AND name = ?",
                                      arguments: [source.kind, source.name]) {
            let recorded: String = try row.required("layout", in: "sources")
            guard recorded == source.layout else {
                throw StoreError.sourceLayoutConflict(kind: source.kind, name: source.name,
                                                      recorded: recorded, requested: source.layout)
            }
            return try row.required("id", in: "sources")
        }
        try db.execute(sql: "INSERT INTO sources (kind, name, layout, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [source.kind, source.name, source.layout, createdAt])
        return Int(db.lastInsertedRowID)
    }
}
