import GRDB

extension CurateStore {
    /// Canonical key, chemical system and protostructure label (from the observation's metadata,
    /// when a structure ingester recorded one) of every observation of `source` (a name or
    /// `kind/name`), optionally of one property, ordered by observation id.
    public func leakageInputs(source: String, property: String?) throws -> [(canonicalKey: String, chemicalSystem: String, protostructure: String?)] {
        try read("reading leakage inputs") { db in
            var sql = """
                SELECT m.canonical_key, m.chemical_system,
                       CASE WHEN o.metadata_json LIKE '%"protostructure"%' THEN json_extract(o.metadata_json, '$.protostructure') END
                FROM observations o
                JOIN sources s ON s.id = o.source_id JOIN materials m ON m.id = o.material_id
                WHERE (s.name = ? OR (s.kind || '/' || s.name) = ?)
                """
            var arguments: [DatabaseValueConvertible?] = [source, source]
            if let property { sql += " AND o.property = ?"; arguments.append(property) }
            sql += " ORDER BY o.id"
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { ($0[0], $0[1], $0[2]) }
        }
    }
}
