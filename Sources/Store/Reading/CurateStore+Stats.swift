import GRDB

extension CurateStore {
    /// Counts per source, per (property, qualifier), per quarantine reason, and materials.
    public func stats() throws -> StoreStats {
        try read("computing stats") { db in
            let runs = try counts(db, "SELECT source_id, COUNT(*) FROM ingest_runs WHERE status = 'completed' GROUP BY source_id")
            let raw = try counts(db, "SELECT source_id, COUNT(*) FROM raw_records GROUP BY source_id")
            let duplicates = try counts(db, "SELECT source_id, COUNT(*) FROM raw_records WHERE disposition = 'duplicate' GROUP BY source_id")
            let observations = try counts(db, "SELECT source_id, COUNT(*) FROM observations GROUP BY source_id")
            let quarantined = try counts(db, "SELECT source_id, COUNT(*) FROM quarantine GROUP BY source_id")

            let sources = try Row.fetchAll(db, sql: "SELECT id, kind, name, layout FROM sources ORDER BY kind, name").map { row in
                let id: Int = try row.required("id", in: "sources")
                return SourceStats(
                    kind: try row.required("kind", in: "sources"),
                    name: try row.required("name", in: "sources"),
                    layout: try row.required("layout", in: "sources"),
                    runs: runs[id, default: 0], rawRecords: raw[id, default: 0],
                    observations: observations[id, default: 0], duplicates: duplicates[id, default: 0],
                    quarantined: quarantined[id, default: 0])
            }
            let byProperty = try Row.fetchAll(db, sql: """
                SELECT property, qualifier, COUNT(*) AS n FROM observations
                GROUP BY property, qualifier ORDER BY property, qualifier
                """).map { row in
                PropertyQualifierCount(property: try row.required("property", in: "observations"),
                                       qualifier: try row.required("qualifier", in: "observations"),
                                       count: try row.required("n", in: "observations"))
            }
            let byReason = try Row.fetchAll(db, sql: """
                SELECT reason_code, COUNT(*) AS n FROM quarantine GROUP BY reason_code ORDER BY reason_code
                """).map { row in
                ReasonCount(reasonCode: try row.required("reason_code", in: "quarantine"),
                            count: try row.required("n", in: "quarantine"))
            }
            let materialCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM materials") ?? 0
            return StoreStats(sources: sources, observationsByProperty: byProperty,
                              quarantineByReason: byReason, materialCount: materialCount)
        }
    }

    /// `source_id → count` from a two-column grouped query.
    private func counts(_ db: Database, _ sql: String) throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: sql) {
            let id: DatabaseValue = row[0]
            let count: DatabaseValue = row[1]
            guard let id = Int.fromDatabaseValue(id), let count = Int.fromDatabaseValue(count) else {
                throw StoreError.corruptRow(table: "stats", reason: "non-integer group in \(sql)")
            }
            result[id] = count
        }
        return result
    }
}
