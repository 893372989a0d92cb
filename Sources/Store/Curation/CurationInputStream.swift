import GRDB

extension CurateStore {
    /// Every observation of `property` from the named sources (all when empty; a name matches a
    /// source's name or `kind/name`), handed to `body` one at a time in canonical-key order
    /// (byte order) and by observation id within a key — the order a streaming release curates
    /// in. Memory does not grow with the number of observations: SQLite's sorter spills to
    /// temporary files past its cache (reading in table order and sorting took 0.37× the time
    /// of walking the key index, 4.1 s against 11.1 s for a million rows). `body` must not
    /// call the store.
    public func forEachCurationInput(property: String, sources: [String], _ body: (CurationInput) throws -> Void) throws {
        try read("reading curation inputs") { db in
            var sql = """
                SELECT o.id, s.kind, s.name, m.canonical_key, m.reduced_formula, m.chemical_system, m.element_count,
                       o.formula_as_written, o.value, o.unit, o.qualifier, o.conditions_json,
                       rr.locator, o.metadata_json
                FROM observations o
                JOIN raw_records rr ON rr.id = o.raw_record_id
                JOIN sources s ON s.id = o.source_id
                JOIN materials m ON m.id = o.material_id
                WHERE o.property = ?
                """
            var arguments: [DatabaseValueConvertible?] = [property]
            if !sources.isEmpty {
                let placeholders = sources.map { _ in "?" }.joined(separator: ",")
                sql += " AND (s.name IN (\(placeholders)) OR (s.kind || '/' || s.name) IN (\(placeholders)))"
                arguments += sources.map { $0 as DatabaseValueConvertible? }
                arguments += sources.map { $0 as DatabaseValueConvertible? }
            }
            sql += " ORDER BY m.canonical_key, o.id"
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                try body(CurationInput(observationId: row[0], sourceKind: row[1], sourceName: row[2], canonicalKey: row[3],
                                       reducedFormula: row[4], chemicalSystem: row[5], elementCount: row[6], formulaAsWritten: row[7],
                                       value: row[8], unit: row[9], qualifier: row[10], conditionsJSON: row[11],
                                       locator: row[12], metadataJSON: row[13]))
            }
        }
    }
}
