import GRDB

extension CurateStore {
    /// Every committed ingest run, oldest first.
    public func runs() throws -> [IngestRunRecord] {
        try read("listing ingest runs") { db in try RunQueries.all(db) }
    }

    /// The material with this canonical key, or nil.
    public func material(canonicalKey: String) throws -> MaterialRecord? {
        try read("reading material \(canonicalKey)") { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT id, canonical_key, reduced_formula, hill_formula, chemical_system,
                       anonymous_formula, element_count, fractions_json, key_tolerance
                FROM materials WHERE canonical_key = ?
                """, arguments: [canonicalKey]) else { return nil }
            let table = "materials"
            return MaterialRecord(
                id: try row.required("id", in: table),
                canonicalKey: try row.required("canonical_key", in: table),
                reducedFormula: try row.required("reduced_formula", in: table),
                hillFormula: try row.required("hill_formula", in: table),
                chemicalSystem: try row.required("chemical_system", in: table),
                anonymousFormula: try row.required("anonymous_formula", in: table),
                elementCount: try row.required("element_count", in: table),
                fractionsJSON: try row.required("fractions_json", in: table),
                keyTolerance: try row.required("key_tolerance", in: table))
        }
    }

    /// Every stored observation of the material with this canonical key, in insertion order,
    /// with its provenance. Duplicates are not observations and are not listed.
    public func observations(canonicalKey: String) throws -> [ObservationEntry] {
        try read("listing observations of \(canonicalKey)") { db in
            try Row.fetchAll(db, sql: """
                SELECT o.id, s.kind, s.name, r.file_path, rr.locator, rr.line, o.formula_as_written,
                       o.property, o.value, o.unit, o.qualifier, o.value_as_reported, o.conditions_json,
                       m.canonical_key, m.reduced_formula
                FROM materials m
                JOIN observations o ON o.material_id = m.id
                JOIN raw_records rr ON rr.id = o.raw_record_id
                JOIN sources s ON s.id = o.source_id
                JOIN ingest_runs r ON r.id = o.run_id
                WHERE m.canonical_key = ?
                ORDER BY o.id
                """, arguments: [canonicalKey]).map { row in
                let table = "observations"
                return ObservationEntry(
                    id: try row.required("id", in: table),
                    sourceKind: try row.required("kind", in: table),
                    sourceName: try row.required("name", in: table),
                    filePath: try row.required("file_path", in: table),
                    locator: try row.required("locator", in: table),
                    line: try row.optional("line", in: table),
                    formulaAsWritten: try row.required("formula_as_written", in: table),
                    property: try row.required("property", in: table),
                    value: try row.optional("value", in: table),
                    unit: try row.optional("unit", in: table),
                    qualifier: try row.required("qualifier", in: table),
                    valueAsReported: try row.required("value_as_reported", in: table),
                    conditionsJSON: try row.optional("conditions_json", in: table),
                    canonicalKey: try row.required("canonical_key", in: table),
                    reducedFormula: try row.required("reduced_formula", in: table))
            }
        }
    }

    /// Quarantined records, oldest first.
    /// - Parameters:
    ///   - reasonCode: only this reason code.
    ///   - source: only sources whose name, kind, or `kind/name` equals this.
    ///   - limit: at most this many entries (nil for all; must be >= 0).
    public func quarantineEntries(reasonCode: String? = nil, source: String? = nil, limit: Int? = nil) throws -> [QuarantineEntry] {
        if let limit, limit < 0 {
            throw StoreError.invalidArgument(name: "limit", reason: "must be >= 0, got \(limit)")
        }
        var sql = """
            SELECT q.id, q.run_id, s.kind, s.name, r.file_path, rr.locator, rr.line, rr.content,
                   q.reason_code, q.message, q.field, q.position, q.rule_version
            FROM quarantine q
            JOIN raw_records rr ON rr.id = q.raw_record_id
            JOIN sources s ON s.id = q.source_id
            JOIN ingest_runs r ON r.id = q.run_id
            WHERE 1
            """
        var arguments = StatementArguments()
        if let reasonCode {
            sql += " AND q.reason_code = ?"
            arguments += [reasonCode]
        }
        if let source {
            sql += " AND (s.name = ? OR s.kind = ? OR s.kind || '/' || s.name = ?)"
            arguments += [source, source, source]
        }
        sql += " ORDER BY q.id"
        if let limit {
            sql += " LIMIT ?"
            arguments += [limit]
        }
        return try read("listing quarantine") { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let table = "quarantine"
                return QuarantineEntry(
                    id: try row.required("id", in: table),
                    runId: try row.required("run_id", in: table),
                    sourceKind: try row.required("kind", in: table),
                    sourceName: try row.required("name", in: table),
                    filePath: try row.required("file_path", in: table),
                    locator: try row.required("locator", in: table),
                    line: try row.optional("line", in: table),
                    rawContent: try row.required("content", in: table),
                    reasonCode: try row.required("reason_code", in: table),
                    message: try row.required("message", in: table),
                    field: try row.optional("field", in: table),
                    position: try row.optional("position", in: table),
                    ruleVersion: try row.required("rule_version", in: table))
            }
        }
    }
}
