import Chemistry
import CurateIO
import Store

/// What a composition–property table holds: the property name and unit, when the header does
/// not say (a column called `target`).
public struct PropertyTableSpec: Sendable, Equatable {
    /// Source kind recorded in the store (`oqmd`, `mp`, `table`).
    public var sourceKind: String
    /// Property name; `nil` to take it from the value column's header.
    public var property: String?
    /// Unit; `nil` to take the known unit of the property.
    public var unit: String?
    /// Value column header; `nil` to detect it.
    public var valueColumn: String?

    /// Creates a spec.
    public init(sourceKind: String, property: String? = nil, unit: String? = nil, valueColumn: String? = nil) {
        self.sourceKind = sourceKind
        self.property = property
        self.unit = unit
        self.valueColumn = valueColumn
    }

    /// The spec of a `kind` source with the caller's parameters.
    public init(kind: String, _ parameters: SourceParameters) {
        self.init(sourceKind: kind, property: parameters.property, unit: parameters.unit, valueColumn: parameters.valueColumn)
    }

    /// OQMD composition dumps: a `target` column is the formation energy per atom in eV/atom.
    public static let oqmd = PropertyTableSpec(sourceKind: "oqmd")
    /// Materials Project composition exports: the property is the value column's header.
    public static let materialsProject = PropertyTableSpec(sourceKind: "mp")

    /// Units of properties whose header names them.
    static let knownUnits: [String: String] = [
        "formation_energy_per_atom": "eV/atom", "delta_e": "eV/atom", "e_form": "eV/atom",
        "energy_above_hull": "eV/atom", "e_above_hull": "eV/atom", "stability": "eV/atom",
        "band_gap": "eV", "gap": "eV", "bandgap": "eV",
    ]
    /// Header spellings mapped to the store's property names.
    static let propertyAliases: [String: String] = [
        "delta_e": "formation_energy_per_atom", "e_form": "formation_energy_per_atom",
        "e_above_hull": "energy_above_hull", "gap": "band_gap", "bandgap": "band_gap",
    ]

    /// The property and unit for a value column called `header`, or why they are unknown.
    func resolve(header: String, path: String, names: [String]) throws(IngestError) -> (property: String, unit: String) {
        let lowered = header.lowercased()
        var property = self.property ?? Self.propertyAliases[lowered] ?? lowered
        if self.property == nil, lowered == "target" {
            guard sourceKind == "oqmd" else {
                throw .header(path: path, message: "the value column is called \"target\"; name the property with --property (and --unit)", columnsSeen: names)
            }
            property = "formation_energy_per_atom"
        }
        guard let unit = unit ?? Self.knownUnits[property] else {
            throw .header(path: path, message: "no known unit for property \"\(property)\"; give --unit", columnsSeen: names)
        }
        return (property, unit)
    }
}

/// `curate ingest oqmd|mp|table FILE`: composition–property tables (one value per row).
///
/// Each row's id (when there is an id column) is part of the observation's identity, so
/// polymorphs sharing a composition stay distinct observations; a repeated (id, composition,
/// value) is a duplicate.
public struct PropertyTableIngester: SourceIngester {
    /// Version of the interpretation rules.
    public static let parserVersion = "table-ingest/1 " + FormulaParser.version
    /// Version recorded with quarantine rows.
    public static let ruleVersion = "table-ingest/1"

    /// `oqmd` (a `target` column is the formation energy per atom) or `table`.
    public let kind: String

    public var summary: String {
        kind == "oqmd" ? "OQMD tables: id,composition,target = formation energy per atom, eV/atom"
            : "any id?,formula,value table: give --property and --unit when the header does not say"
    }

    /// The ingester recording its sources as `kind`.
    public init(kind: String) {
        self.kind = kind
    }

    /// Ingests the table at `path` into `store` in one transaction.
    public static func ingest(path: String, into store: CurateStore, spec: PropertyTableSpec,
                              options: IngestOptions = IngestOptions()) throws(IngestError) -> IngestReport {
        let plan = try plan(path: path, spec: spec, options: options)
        return try IngestDriver.write(plan, path: path, options: options, into: store)
    }

    /// Opens the table, finds its columns and resolves the property and unit.
    public func plan(path: String, parameters: SourceParameters, options: IngestOptions) throws(IngestError) -> IngestPlan {
        try Self.plan(path: path, spec: PropertyTableSpec(kind: kind, parameters), options: options)
    }

    static func plan(path: String, spec: PropertyTableSpec, options: IngestOptions) throws(IngestError) -> IngestPlan {
        let (reader, header) = try CSVRecordPlan.open(path: path, options: options)
        let columns = try PropertyTableColumns.detect(header: header, valueColumn: spec.valueColumn, path: path)
        let (property, unit) = try spec.resolve(header: columns.names[columns.value], path: path, names: columns.names)
        let interpreter = PropertyTableRowInterpreter(columns: columns, property: property, unit: unit, bindings: options.bindings)
        return CSVRecordPlan.plan(reader: reader, interpreter: interpreter, sourceKind: spec.sourceKind, layout: columns.layout,
                                  parserVersion: parserVersion, recorded: ["property": property, "unit": unit])
    }
}

/// Interprets one row of a composition–property table.
struct PropertyTableRowInterpreter: RowInterpreter {
    let columns: PropertyTableColumns
    let property: String
    let unit: String
    private var formulas: FormulaInterpretation
    private var fields: FieldReader
    var repairedFields: Int { fields.repairedFields }

    init(columns: PropertyTableColumns, property: String, unit: String, bindings: FormulaBindings) {
        self.columns = columns
        self.property = property
        self.unit = unit
        self.formulas = FormulaInterpretation(bindings: bindings)
        self.fields = FieldReader(formulaColumns: [columns.formula])
    }

    mutating func interpret(_ row: CSVRow) -> PreparedRecord {
        func quarantine(_ code: String, _ message: String, _ field: Int, _ position: Int? = nil) -> PreparedRecord {
            PreparedRecord(locator: "line \(row.line)", line: row.line, rawContent: row.rawText, rawBytes: row.rawBytes,
                           outcome: .quarantine(QuarantineReason(code: code, message: message, field: columns.names[field],
                                                                 position: position, ruleVersion: PropertyTableIngester.ruleVersion)))
        }
        guard row.fields.count > max(columns.formula, columns.value) else {
            return quarantine("record.missing_field", "the row has \(row.fields.count) field(s), the header \(columns.names.count)",
                              row.fields.count > columns.formula ? columns.value : columns.formula)
        }
        guard let formulaText = fields.value(row, columns.formula) else {
            return quarantine("formula.missing", "no formula given", columns.formula)
        }
        let accepted: FormulaInterpretation.Accepted
        switch formulas.interpret(formulaText) {
        case .success(let value): accepted = value
        case .failure(let rejected): return quarantine(rejected.code, rejected.message, columns.formula, rejected.position)
        }
        guard let valueText = fields.value(row, columns.value) else {
            return quarantine("value.missing", "no \(property) given", columns.value)
        }
        guard let value = Double(valueText) else {
            return quarantine("value.unparsable", "\"\(valueText)\" is not a number", columns.value)
        }
        if let problem = NumberRange.problem(value, literal: Substring(valueText)) {
            let message = problem.code == "not_finite" ? "\"\(valueText)\" is not finite" : problem.message
            return quarantine("value.\(problem.code)", message, columns.value)
        }
        var metadata = accepted.metadata
        let entryId = columns.id.flatMap { fields.value(row, $0) }
        if let entryId { metadata["id"] = JSONText.quote(entryId) }
        let material = formulas.material(for: accepted.composition)
        let dedupKey = [material.canonicalKey, property, JSONText.number(value), unit, entryId ?? ""].joined(separator: "|")
        let observation = PreparedObservation(
            material: material, formulaAsWritten: formulaText, compositionJSON: MaterialPreparation.json(accepted.composition),
            property: property, value: value, unit: unit, qualifier: "exact", valueAsReported: row.field(columns.value) ?? valueText,
            conditionsJSON: nil, metadataJSON: metadata.isEmpty ? nil : JSONText.object(metadata), dedupKey: dedupKey)
        return PreparedRecord(locator: "line \(row.line)", line: row.line, rawContent: row.rawText, rawBytes: row.rawBytes, outcome: .observation(observation))
    }
}
