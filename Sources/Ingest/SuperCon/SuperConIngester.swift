import Chemistry
import Store

/// `curate ingest supercon FILE`: SuperCon-derived CSVs (Stanev 2018, MDR 2024, text-mined
/// SuperCon 2) into the store, one observation of `tc` per accepted row.
///
/// Every row ends as exactly one of: a stored observation, a duplicate of an observation already
/// in the store for this source, or a quarantine row with a reason code. `Tc = 0` is stored as
/// qualifier `not_superconducting` with no value, never as a 0 K measurement.
public enum SuperConIngester {
    /// Source kind recorded in the store.
    public static let sourceKind = "supercon"
    /// Version of this ingester's interpretation rules (part of the re-ingest identity).
    public static let parserVersion = "supercon-ingest/1 " + FormulaParser.version
    /// Version recorded with quarantine rows.
    public static let ruleVersion = "supercon-ingest/1"

    /// Ingests the CSV at `path` into `store` in one transaction.
    public static func ingest(path: String, into store: CurateStore,
                              options: IngestOptions = IngestOptions()) throws(IngestError) -> IngestReport {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, options: CSVReaderOptions(maxRecordBytes: options.maxRecordBytes))
        } catch {
            throw .csv(error)
        }
        guard let header = reader.header else {
            throw .header(path: path, message: "the file has no header row", columnsSeen: [])
        }
        let columns = try SuperConColumns.detect(header: header.fields, path: path)
        let file = try FileDigest.compute(path: path)
        let source = SourceDescriptor(kind: sourceKind, name: options.sourceName(for: path), layout: columns.layout)
        var interpreter = SuperConRowInterpreter(columns: columns, bindings: options.bindings)
        var recorded = options.recorded
        recorded["layout"] = columns.layout
        let outcome: IngestOutcome
        do {
            outcome = try store.ingest(source: source, file: IngestFileInfo(path: path, sha256: file.sha256, size: file.size),
                                       toolVersion: CurateVersion.current, parserVersion: parserVersion,
                                       options: recorded) { sink in
                while let row = try reader.next() {
                    try sink.append(interpreter.interpret(row))
                }
            }
        } catch let error as CSVError {
            throw .csv(error)
        } catch let error as IngestError {
            throw error
        } catch {
            throw .store(path: path, underlying: String(describing: error))
        }
        switch outcome {
        case .completed(let summary):
            return IngestReport(status: "completed", sourceKind: source.kind, sourceName: source.name, layout: columns.layout,
                                file: path, sha256: file.sha256, size: file.size, runId: summary.runId, read: summary.read,
                                stored: summary.stored, duplicates: summary.duplicates, quarantined: summary.quarantined,
                                quarantineByReason: summary.quarantineByReason, repairedFields: interpreter.repairedFields)
        case .unchanged(let previous):
            return IngestReport(status: "unchanged", sourceKind: source.kind, sourceName: source.name, layout: columns.layout,
                                file: path, sha256: file.sha256, size: file.size, runId: previous.id, read: 0, stored: 0,
                                duplicates: 0, quarantined: 0, quarantineByReason: [:], repairedFields: 0)
        }
    }
}

/// Interprets one CSV row of a SuperCon file as a prepared store record.
struct SuperConRowInterpreter {
    let columns: SuperConColumns
    let bindings: FormulaBindings
    private(set) var repairedFields = 0
    /// Materials already prepared in this run, by canonical key.
    private var materials: [String: PreparedMaterial] = [:]

    init(columns: SuperConColumns, bindings: FormulaBindings) {
        self.columns = columns
        self.bindings = bindings
    }

    mutating func interpret(_ row: CSVRow) -> PreparedRecord {
        let locator = "line \(row.line)"
        func quarantine(_ code: String, _ message: String, _ field: Int?, _ position: Int?) -> PreparedRecord {
            PreparedRecord(locator: locator, line: row.line, rawContent: row.rawText,
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
        if let plain = FormulaParser.plainComposition(formulaText) {
            composition = plain // no warnings, charge or variables possible
        } else {
            let parsed: ParsedFormula
            do {
                parsed = try FormulaParser.parse(formulaText, bindings: bindings)
            } catch {
                return quarantine("formula.\(error.reason.rawValue)", "\(error.message) in \"\(formulaText)\"", formulaColumn, error.position)
            }
            guard let resolved = parsed.composition else {
                return quarantine("formula.unresolved_variables",
                                  "\"\(formulaText)\" has unresolved variable(s) \(parsed.variables.joined(separator: ", ")); re-ingest with --bindings",
                                  formulaColumn, nil)
            }
            composition = resolved
            if !parsed.warnings.isEmpty {
                metadata["formula_warnings"] = "[" + parsed.warnings.map { JSONNumber.quote($0.code.rawValue) }.joined(separator: ",") + "]"
            }
            if let charge = parsed.charge { metadata["charge"] = String(charge) }
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
            metadata["tc_range"] = "[\(JSONNumber.format(low)),\(JSONNumber.format(high))]"
        }

        // Pressure, a condition of the measurement.
        var conditions: [String: String] = [:]
        var pressureText = columns.pressure.flatMap { cleaned(row, $0) }
        if let corrected = columns.correctedPressure, let correction = cleaned(row, corrected) {
            if let original = pressureText { metadata["pressure_original"] = JSONNumber.quote(original) }
            pressureText = correction
        }
        if let pressureText {
            conditions["pressure_as_reported"] = JSONNumber.quote(pressureText)
            if case .success(let pressure) = MeasuredValue.parse(pressureText, as: .pressure) {
                conditions["pressure_gpa"] = JSONNumber.format(pressure.value)
                if pressure.relation != .exact { conditions["pressure_relation"] = JSONNumber.quote(pressure.relation.rawValue) }
            }
        }

        // Everything else on the row is kept as metadata.
        let used: Set<Int> = Set([columns.formula, columns.tc, columns.pressure, columns.correctedFormula,
                                  columns.correctedTc, columns.correctedPressure].compactMap { $0 }).union(columns.ignored)
        for (index, name) in columns.names.enumerated() where !used.contains(index) && !name.isEmpty {
            if let text = cleaned(row, index) { metadata[name] = JSONNumber.quote(text) }
        }

        let key = composition.canonicalKey()
        let material: PreparedMaterial
        if let known = materials[key] {
            material = known
        } else {
            material = MaterialPreparation.material(for: composition, canonicalKey: key)
            materials[key] = material
        }
        let conditionsJSON = conditions.isEmpty ? nil : JSONNumber.object(conditions)
        let dedupKey = [material.canonicalKey, "tc", qualifier, value.map(JSONNumber.format) ?? "", measured.unit,
                        conditionsJSON ?? ""].joined(separator: "|")
        let observation = PreparedObservation(
            material: material, formulaAsWritten: formulaText, compositionJSON: MaterialPreparation.json(composition),
            property: "tc", value: value, unit: measured.unit, qualifier: qualifier,
            valueAsReported: row.field(tcColumn) ?? tcText, conditionsJSON: conditionsJSON,
            metadataJSON: metadata.isEmpty ? nil : JSONNumber.object(metadata), dedupKey: dedupKey)
        return PreparedRecord(locator: locator, line: row.line, rawContent: row.rawText, outcome: .observation(observation))
    }

    /// The reviewed correction when filled in (keeping the original under `originalKey`), else
    /// the original field; with the column it came from.
    private mutating func preferCorrected(_ row: CSVRow, _ column: Int, _ correctedColumn: Int?, originalKey: String,
                                          metadata: inout [String: String]) -> (String?, Int) {
        let original = cleaned(row, column)
        guard let correctedColumn, let correction = cleaned(row, correctedColumn) else { return (original, column) }
        if let original { metadata[originalKey] = JSONNumber.quote(original) }
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

    /// The cleaned field, or `nil` when absent or a missing-value marker.
    private mutating func cleaned(_ row: CSVRow, _ index: Int) -> String? {
        guard let raw = row.field(index) else { return nil }
        let (text, repaired) = FieldText.clean(raw)
        if repaired { repairedFields += 1 }
        return FieldText.isMissing(text) ? nil : text
    }
}
