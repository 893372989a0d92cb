import Chemistry
import CurateIO
import Store

/// `curate ingest supercon FILE`: SuperCon-derived CSVs (Stanev 2018, MDR 2024, text-mined
/// SuperCon 2) into the store, one observation of `tc` per accepted row.
///
/// Every row ends as exactly one of: a stored observation, a duplicate of an observation already
/// in the store for this source, or a quarantine row with a reason code. `Tc = 0` is stored as
/// qualifier `not_superconducting` with no value, never as a 0 K measurement.
public struct SuperConIngester: SourceIngester {
    /// Source kind recorded in the store.
    public static let sourceKind = "supercon"
    /// Version of this ingester's interpretation rules (part of the re-ingest identity).
    public static let parserVersion = "supercon-ingest/1 " + FormulaParser.version
    /// Version recorded with quarantine rows.
    public static let ruleVersion = "supercon-ingest/1"

    public let kind = SuperConIngester.sourceKind
    public let summary = "SuperCon CSVs: Stanev name,Tc; MDR formula,Tc[,lattice...]; text-mined SuperCon 2"

    /// Creates the ingester.
    public init() {}

    /// Ingests the CSV at `path` into `store` in one transaction.
    public static func ingest(path: String, into store: CurateStore,
                              options: IngestOptions = IngestOptions()) throws(IngestError) -> IngestReport {
        try SuperConIngester().ingest(path: path, options: options, into: store)
    }

    /// Opens the CSV and finds its columns; the rows are streamed by the driver.
    public func plan(path: String, parameters: SourceParameters, options: IngestOptions) throws(IngestError) -> IngestPlan {
        let (reader, header) = try CSVRecordPlan.open(path: path, options: options)
        let columns = try SuperConColumns.detect(header: header, path: path)
        let interpreter = SuperConRowInterpreter(columns: columns, bindings: options.bindings)
        return CSVRecordPlan.plan(reader: reader, interpreter: interpreter, sourceKind: kind, layout: columns.layout,
                                  parserVersion: Self.parserVersion)
    }
}

/// Interprets one CSV row of a SuperCon file as a prepared store record.
struct SuperConRowInterpreter: RowInterpreter {
    let columns: SuperConColumns
    private var formulas: FormulaInterpretation
    private var fields: FieldReader
    var repairedFields: Int { fields.repairedFields }

    init(columns: SuperConColumns, bindings: FormulaBindings) {
        self.columns = columns
        self.formulas = FormulaInterpretation(bindings: bindings)
        self.fields = FieldReader(formulaColumns: Set([columns.formula, columns.correctedFormula].compactMap { $0 }))
    }

    mutating func interpret(_ row: CSVRow) -> PreparedRecord {
        let locator = "line \(row.line)"
        func quarantine(_ code: String, _ message: String, _ field: Int?, _ position: Int?) -> PreparedRecord {
            PreparedRecord(locator: locator, line: row.line, rawContent: row.rawText, rawBytes: row.rawBytes,
                           outcome: .quarantine(QuarantineReason(
                            code: code, message: message, field: field.map { columns.names[$0] },
                            position: position, ruleVersion: SuperConIngester.ruleVersion)))
        }
        var metadata: [String: String] = [:]

        // Formula: the reviewed correction wins when filled in.
        let (formulaText, formulaColumn) = preferCorrected(row, columns.formula, columns.correctedFormula,
                                                           originalKey: "formula_original", metadata: &metadata)
        guard let formulaText else {
            return missing(row, columns.formula, code: "formula.missing", what: "no formula given", field: formulaColumn, quarantine)
        }
        let composition: Composition
        switch formulas.interpret(formulaText) {
        case .success(let accepted):
            composition = accepted.composition
            metadata.merge(accepted.metadata) { first, _ in first }
        case .failure(let rejected):
            return quarantine(rejected.code, rejected.message, formulaColumn, rejected.position)
        }

        // Critical temperature.
        let (tcText, tcColumn) = preferCorrected(row, columns.tc, columns.correctedTc,
                                                 originalKey: "tc_original", metadata: &metadata)
        guard let tcText else {
            return missing(row, columns.tc, code: "tc.missing", what: "no critical temperature given", field: tcColumn, quarantine)
        }
        let measured: MeasuredValue
        switch MeasuredValue.parse(tcText, as: .temperature) {
        case .success(let value): measured = value
        case .failure(let problem): return quarantine("tc.\(problem.code)", problem.message, tcColumn, nil)
        }
        guard measured.value >= 0 else {
            return quarantine("tc.negative", "a critical temperature of \(tcText) is below 0 K", tcColumn, nil)
        }
        var value: Double? = measured.value
        var qualifier = measured.relation.rawValue
        if measured.value == 0, measured.relation == .exact {
            value = nil
            qualifier = "not_superconducting"
        }
        if let low = measured.low, let high = measured.high {
            metadata["tc_range"] = "[\(JSONText.number(low)),\(JSONText.number(high))]"
        }

        // Pressure, a condition of the measurement.
        var conditions: [String: String] = [:]
        var pressureText = columns.pressure.flatMap { fields.value(row, $0) }
        if let corrected = columns.correctedPressure, let correction = fields.value(row, corrected) {
            if let original = pressureText { metadata["pressure_original"] = JSONText.quote(original) }
            pressureText = correction
        }
        if let pressureText {
            conditions["pressure_as_reported"] = JSONText.quote(pressureText)
            if case .success(let pressure) = MeasuredValue.parse(pressureText, as: .pressure) {
                conditions["pressure_gpa"] = JSONText.number(pressure.value)
                if pressure.relation != .exact { conditions["pressure_relation"] = JSONText.quote(pressure.relation.rawValue) }
            }
        }

        // Everything else on the row is kept as metadata.
        let used: Set<Int> = Set([columns.formula, columns.tc, columns.pressure, columns.correctedFormula,
                                  columns.correctedTc, columns.correctedPressure].compactMap { $0 }).union(columns.ignored)
        for (index, name) in columns.names.enumerated() where !used.contains(index) && !name.isEmpty {
            if let text = fields.value(row, index) { metadata[name] = JSONText.quote(text) }
        }

        let material = formulas.material(for: composition)
        let conditionsJSON = conditions.isEmpty ? nil : JSONText.object(conditions)
        let dedupKey = [material.canonicalKey, "tc", qualifier, value.map(JSONText.number) ?? "", measured.unit,
                        conditionsJSON ?? ""].joined(separator: "|")
        let observation = PreparedObservation(
            material: material, formulaAsWritten: formulaText, compositionJSON: MaterialPreparation.json(composition),
            property: "tc", value: value, unit: measured.unit, qualifier: qualifier,
            valueAsReported: row.field(tcColumn) ?? tcText, conditionsJSON: conditionsJSON,
            metadataJSON: metadata.isEmpty ? nil : JSONText.object(metadata), dedupKey: dedupKey)
        return PreparedRecord(locator: locator, line: row.line, rawContent: row.rawText, rawBytes: row.rawBytes, outcome: .observation(observation))
    }

    /// The reviewed correction when filled in (keeping the original under `originalKey`), else
    /// the original field; with the column it came from.
    private mutating func preferCorrected(_ row: CSVRow, _ column: Int, _ correctedColumn: Int?, originalKey: String,
                                          metadata: inout [String: String]) -> (String?, Int) {
        let original = fields.value(row, column)
        guard let correctedColumn, let correction = fields.value(row, correctedColumn) else { return (original, column) }
        if let original { metadata[originalKey] = JSONText.quote(original) }
        return (correction, correctedColumn)
    }

    /// Quarantines a record whose required field is empty, or absent because the row is short.
    private func missing(_ row: CSVRow, _ column: Int, code: String, what: String, field: Int,
                         _ quarantine: (String, String, Int?, Int?) -> PreparedRecord) -> PreparedRecord {
        if row.fields.count <= column {
            return quarantine("record.missing_field", "the row has \(row.fields.count) field(s); no \(columns.names[column]) column", column, nil)
        }
        return quarantine(code, what, field, nil)
    }

}
