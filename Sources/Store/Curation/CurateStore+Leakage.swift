import GRDB

extension CurateStore {
    /// Canonical key and chemical system of every observation of `source` (a name or
    /// `kind/name`), optionally of one property, ordered by observation id.
    public func leakageInputs(source: String, property: String?) throws -> [(canonicalKey: String, chemicalSystem: String)] {
        try read("reading leakage inputs") { db in
            var sql = """
                SELECT m.canonical_key, m.chemical_system FROM observations o
                JOIN sources s ON s.id = o.source_id JOIN materials m ON m.id = o.material_id
                WHERE (s.name = ? OR (s.kind || '/' || s.name) = ?)
                """
            var arguments: [DatabaseValueConvertible?] = [source, source]
            if let property { sql += " AND o.property = ?"; arguments.append(property) }
            sql += " ORDER BY o.id"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { ($0[0], $0[1]) }
        }
    }
}
