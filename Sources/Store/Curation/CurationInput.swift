import GRDB

/// One stored observation as curation sees it: the value, its qualifier and its material keys.
public struct CurationInput: Sendable, Equatable, Codable {
    public var observationId: Int
    public var sourceKind: String
    public var sourceName: String
    public var canonicalKey: String
    public var reducedFormula: String
    public var chemicalSystem: String
    public var elementCount: Int
    public var formulaAsWritten: String
    public var value: Double?
    public var unit: String?
    public var qualifier: String
    public var conditionsJSON: String?
    /// Where the record sits in its source file, e.g. `line 12`.
    public var locator: String
    /// Source-specific metadata (JSON object), e.g. `{"id":"mp-1234"}`.
    public var metadataJSON: String?

    /// Creates an input (tests build these directly).
    public init(observationId: Int, sourceKind: String, sourceName: String, canonicalKey: String, reducedFormula: String,
                chemicalSystem: String, elementCount: Int, formulaAsWritten: String, value: Double?, unit: String?,
                qualifier: String, conditionsJSON: String?, locator: String = "", metadataJSON: String? = nil) {
        self.observationId = observationId
        self.sourceKind = sourceKind
        self.sourceName = sourceName
        self.canonicalKey = canonicalKey
        self.reducedFormula = reducedFormula
        self.chemicalSystem = chemicalSystem
        self.elementCount = elementCount
        self.formulaAsWritten = formulaAsWritten
        self.value = value
        self.unit = unit
        self.qualifier = qualifier
        self.conditionsJSON = conditionsJSON
        self.locator = locator
        self.metadataJSON = metadataJSON
    }
}

extension CurationInput {
    /// The query for the observations of `property` from `sources` (all when empty; a name
    /// matches a source's name or `kind/name`), ordered by `order`; its rows read with
    /// ``init(row:)``.
    static func query(property: String, sources: [String], order: String) -> (sql: String, arguments: StatementArguments) {
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
        sql += " ORDER BY \(order)"
        return (sql, StatementArguments(arguments))
    }

    /// An input from a row of ``query(property:sources:order:)``.
    init(row: Row) {
        self.init(observationId: row[0], sourceKind: row[1], sourceName: row[2], canonicalKey: row[3],
                  reducedFormula: row[4], chemicalSystem: row[5], elementCount: row[6], formulaAsWritten: row[7],
                  value: row[8], unit: row[9], qualifier: row[10], conditionsJSON: row[11],
                  locator: row[12], metadataJSON: row[13])
    }
}

extension CurateStore {
    /// Every observation of `property`, from the named sources (all sources when empty; a name
    /// matches a source's name or `kind/name`), ordered by observation id.
    public func curationInputs(property: String, sources: [String]) throws -> [CurationInput] {
        try read("reading curation inputs") { db in
            let (sql, arguments) = CurationInput.query(property: property, sources: sources, order: "o.id")
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map(CurationInput.init(row:))
        }
    }
}
