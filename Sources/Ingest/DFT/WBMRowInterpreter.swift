import Chemistry
import CurateIO
import Store

/// Turns one row of a WBM summary into prepared records: one per value column, or a single
/// quarantined record when the row itself is unusable.
///
/// Row checks, in order: every column present (`record.missing_field`), the material id
/// (`id.missing`, `id.unparsable`, `id.unknown_round`), the formula (`formula.missing`,
/// `formula.<reason>`), the volume (`volume.unparsable`, `volume.not_positive`: the six WBM
/// structures with zero volume), the site count (`n_sites.unparsable`, `n_sites.mismatch` with
/// the formula's atom count). Value checks, per column: `value.missing`, `value.unparsable`,
/// `value.not_finite` (NaN, inf), each naming the column.
struct WBMRowInterpreter {
    let columns: WBMColumns
    private var builder = DFTRecordBuilder(ruleVersion: WBMIngester.ruleVersion)
    private var fields = FieldReader(formulaColumns: [])

    init(columns: WBMColumns) {
        self.columns = columns
        fields = FieldReader(formulaColumns: [columns.formula])
    }

    /// The records of `row`.
    mutating func interpret(_ row: CSVRow) -> [PreparedRecord] {
        let rowOrigin = DFTRecordBuilder.Origin(locator: "line \(row.line)", line: row.line, raw: row.rawText, rawBytes: row.rawBytes)
        func rowQuarantine(_ code: String, _ message: String, _ field: Int, _ position: Int? = nil) -> [PreparedRecord] {
            [builder.quarantine(rowOrigin, code, message, field: columns.names[field], position: position)]
        }
        let needed = ([columns.id, columns.formula] + columns.values.map(\.index)).max() ?? 0
        guard row.fields.count > needed else {
            return [builder.quarantine(rowOrigin, "record.missing_field",
                                       "the row has \(row.fields.count) field(s), the header \(columns.names.count)", field: nil)]
        }
        guard let idText = fields.value(row, columns.id) else {
            return rowQuarantine("id.missing", "no material id given", columns.id)
        }
        let materialID: WBMMaterialID
        switch WBMMaterialID.parse(idText) {
        case .success(let parsed): materialID = parsed
        case .failure(.unparsable):
            return rowQuarantine("id.unparsable", "\"\(idText)\" is not a WBM id (wbm-<round>-<n> or step_<round>_<i>)", columns.id)
        case .failure(.unknownRound(let round)):
            return rowQuarantine("id.unknown_round", "\"\(idText)\" names substitution round \(round); WBM has rounds 1-5", columns.id)
        }
        guard let formulaText = fields.value(row, columns.formula) else {
            return rowQuarantine("formula.missing", "no formula given", columns.formula)
        }
        let composition: Composition
        var metadata: [String: String]
        switch builder.composition(of: formulaText) {
        case .success(let accepted):
            composition = accepted.composition
            metadata = accepted.metadata
        case .failure(let rejected):
            return rowQuarantine(rejected.code, rejected.message, columns.formula, rejected.position)
        }
        metadata["id"] = DFTJSON.string(materialID.id)
        metadata["batch"] = DFTJSON.integer(materialID.round)
        if materialID.id != idText { metadata["id_as_written"] = DFTJSON.string(idText) }
        if let index = columns.volume, let text = fields.value(row, index) {
            guard let volume = Double(text), volume.isFinite else {
                return rowQuarantine("volume.unparsable", "volume \"\(text)\" is not a number", index)
            }
            guard volume > 0 else {
                return rowQuarantine("volume.not_positive", "volume \(text) Å³ is not positive (a WBM structure without a valid cell)", index)
            }
            metadata["volume"] = DFTJSON.number(volume)
        }
        let atoms = composition.totalAmount
        if let index = columns.sites, let text = fields.value(row, index) {
            guard let sites = Int(text) ?? Double(text).flatMap({ $0 == $0.rounded() && abs($0) < 1e9 ? Int($0) : nil }) else {
                return rowQuarantine("n_sites.unparsable", "site count \"\(text)\" is not an integer", index)
            }
            guard abs(Double(sites) - atoms) <= 1e-6 * max(1, atoms) else {
                return rowQuarantine("n_sites.mismatch", "\(sites) sites but the formula \"\(formulaText)\" has \(JSONText.number(atoms)) atoms", index)
            }
            metadata["n_sites"] = DFTJSON.integer(sites)
        }
        for (index, key) in columns.metadata {
            if let text = fields.value(row, index) {
                metadata[key] = Double(text).map { $0.isFinite ? DFTJSON.number($0) : DFTJSON.string(text) } ?? DFTJSON.string(text)
            }
        }
        return columns.values.map { column in
            value(row, column, composition: composition, formula: formulaText, atoms: atoms, metadata: metadata, entryID: materialID.id)
        }
    }

    /// The record of one value column.
    private mutating func value(_ row: CSVRow, _ column: WBMColumns.ValueColumn, composition: Composition, formula: String,
                                atoms: Double, metadata: [String: String], entryID: String) -> PreparedRecord {
        let origin = DFTRecordBuilder.Origin(locator: "line \(row.line) \(column.header)", line: row.line, raw: row.rawText, rawBytes: row.rawBytes)
        let raw = row.field(column.index) ?? ""
        let text = FieldText.clean(raw).text
        guard !text.isEmpty else {
            return builder.quarantine(origin, "value.missing", "no \(column.header) given", field: column.header)
        }
        guard let number = Double(text) else {
            return builder.quarantine(origin, "value.unparsable", "\(column.header) \"\(text)\" is not a number", field: column.header)
        }
        if let problem = NumberRange.problem(number, literal: Substring(text)) {
            let message = problem.code == "not_finite"
                ? "\(column.header) \"\(text)\" is not a finite number" : "\(column.header): \(problem.message)"
            return builder.quarantine(origin, "value.\(problem.code)", message, field: column.header)
        }
        var metadata = metadata
        metadata["column"] = DFTJSON.string(column.header)
        var value = number
        if column.totalForCell {
            value = number / atoms
            metadata["total_energy"] = DFTJSON.number(number)
            metadata["atoms"] = DFTJSON.number(atoms)
        }
        return builder.observation(origin, composition: composition, formulaAsWritten: formula, property: column.property,
                                   value: value, unit: column.unit, valueAsReported: text, conditions: column.conditions,
                                   metadata: metadata, entryID: entryID)
    }

    /// Fields whose text was repaired so far.
    var repairedFields: Int { fields.repairedFields }
}
