import Chemistry
import Crystal
import CurateIO
import Foundation
import Store

/// Turns one row of a structure benchmark table into prepared records.
///
/// The row's structure (a CIF text read by the project's CIF reader, a pymatgen structure dict
/// written as a Python repr or JSON, or an aviary protostructure label with the row's
/// composition) gives the composition and the metadata every record of the row carries: entry
/// id, space group and protostructure label (spglib, Materials Project tolerances), sites,
/// volume. Each numeric value column then gives one observation (`row 12 heat_ref`); a row
/// without any value gives one `structure` observation. A row that cannot be read is one
/// quarantined record naming the row and the field:
///
/// - `row.column_count`, `row.malformed`: the row's cells do not match the header;
/// - `cif.<code>`: the CIF reader's reason, with the line inside the CIF text;
/// - `structure.not_a_dict`, `structure.malformed_repr`, `structure.invalid`: a pymatgen
///   structure cell that is not a dict, not a Python/JSON literal, or not a structure (an
///   unknown species: the JSON path of the fault);
/// - `protostructure.malformed`, `protostructure.mismatch`: a label that does not parse, or
///   whose chemical system is not the row's composition;
/// - `formula.*`, `formula.mismatch`: a composition column that does not parse, or disagrees
///   with the structure's reduced composition;
/// - `structure.nsites_mismatch`: the `nsites` column is not the structure's site count;
/// - `value.not_a_number`: one value cell that is not a number (only that value's record).
struct BenchmarkRowInterpreter {
    static let ruleVersion = "structure-table-ingest/1"

    let columns: BenchmarkColumns
    let header: [String]
    let reading: CIFReadOptions
    private var builder = DFTRecordBuilder(ruleVersion: Self.ruleVersion)

    init(columns: BenchmarkColumns, header: [String], reading: CIFReadOptions) {
        self.columns = columns
        self.header = header
        self.reading = reading
    }

    /// What a row's structure cell gives every record of the row.
    struct Facts {
        let composition: Composition
        let formula: String
        var metadata: [String: String]
        /// The structure read, when the row gives coordinates.
        var structure: Structure? = nil
    }

    /// Why a row is quarantined.
    struct Rejection: Error {
        let code: String
        let message: String
        let field: String?
        var position: Int? = nil
    }

    /// The records of `row`.
    mutating func records(_ row: BenchmarkTable.Row) -> [PreparedRecord] {
        let origin = DFTRecordBuilder.Origin(locator: row.locator, line: row.line, raw: row.raw, rawBytes: row.rawBytes)
        let facts: Facts
        do throws(Rejection) {
            facts = try read(row)
        } catch {
            return [builder.quarantine(origin, error.code, "\(row.locator): \(error.message)", field: error.field, position: error.position)]
        }
        let entryID = cell(row, columns.id).flatMap { $0.isEmpty ? nil : $0 } ?? row.key ?? row.locator
        var metadata = facts.metadata
        metadata["id"] = JSONText.quote(entryID)
        var records: [PreparedRecord] = []
        for value in columns.values {
            let text = (cell(row, value.index) ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, text.lowercased() != "nan" else { continue }
            let located = DFTRecordBuilder.Origin(locator: "\(row.locator) \(value.header)", line: row.line, raw: row.raw, rawBytes: row.rawBytes)
            guard let number = Double(text), number.isFinite else {
                records.append(builder.quarantine(located, "value.not_a_number", "\(row.locator): \(value.header) is not a number: \(text)",
                                                  field: value.header))
                continue
            }
            records.append(builder.observation(located, composition: facts.composition, formulaAsWritten: facts.formula,
                                               property: value.property, value: number, unit: value.unit, valueAsReported: text,
                                               conditions: [:], metadata: metadata, entryID: entryID))
        }
        if records.isEmpty {
            records.append(builder.observation(origin, composition: facts.composition, formulaAsWritten: facts.formula,
                                               property: "structure", value: nil, unit: nil, qualifier: "structure",
                                               valueAsReported: facts.formula, conditions: [:], metadata: metadata, entryID: entryID))
        }
        return records
    }

    private func cell(_ row: BenchmarkTable.Row, _ index: Int?) -> String? {
        guard let index, row.cells.indices.contains(index) else { return nil }
        return row.cells[index]
    }

    /// The row's structure facts, checked against its composition and site-count columns.
    private mutating func read(_ row: BenchmarkTable.Row) throws(Rejection) -> Facts {
        if let malformed = row.malformed { throw Rejection(code: "row.malformed", message: malformed, field: nil) }
        guard row.cells.count == header.count else {
            throw Rejection(code: "row.column_count", message: "the row has \(row.cells.count) fields; the header has \(header.count) columns", field: nil)
        }
        let structureHeader = header[columns.structure.index]
        let text = row.cells[columns.structure.index]
        let stated = try statedComposition(row)
        var facts: Facts
        switch columns.structure.kind {
        case .cif: facts = try Self.cif(text, field: structureHeader, reading: reading)
        case .pymatgen: facts = try Self.pymatgen(text, field: structureHeader)
        case .label:
            guard let stated else {
                throw Rejection(code: "formula.missing", message: "a protostructure label needs the row's composition", field: columns.formula.map { header[$0] })
            }
            return try Self.label(text, field: structureHeader, composition: stated.composition, formula: stated.text)
        }
        if let stated, !CompositionAgreement.sameReduced(stated.composition, facts.composition) {
            throw Rejection(code: "formula.mismatch", message: CompositionAgreement.describe(stated: stated.composition, structure: facts.composition),
                            field: columns.formula.map { header[$0] })
        }
        if let sitesColumn = columns.sites, let sites = Int(row.cells[sitesColumn].trimmingCharacters(in: .whitespaces)),
           sites != Int(facts.metadata["nsites"] ?? "") {
            throw Rejection(code: "structure.nsites_mismatch", message: "\(header[sitesColumn]) says \(sites) sites; the structure has \(facts.metadata["nsites"] ?? "?")",
                            field: header[sitesColumn])
        }
        if let stated { facts = Facts(composition: facts.composition, formula: stated.text, metadata: facts.metadata, structure: facts.structure) }
        return facts
    }

    /// The composition column's composition: a formula (`TiOsOFN`, `Hf(ZnN2)3`) or a Python
    /// dict of amounts (`{'As': 1.0}`); `nil` when there is no such column or the cell is empty.
    private func statedComposition(_ row: BenchmarkTable.Row) throws(Rejection) -> (composition: Composition, text: String)? {
        guard let index = columns.formula else { return nil }
        let text = row.cells[index].trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        let field = header[index]
        if PythonLiteral.isDict(text) {
            let json: String
            do { json = try PythonLiteral.json(text) } catch {
                throw Rejection(code: "formula.malformed_repr", message: "\(field): \(error.description)", field: field, position: error.position)
            }
            guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
                throw Rejection(code: "formula.malformed_repr", message: "\(field): not a dict of element amounts", field: field)
            }
            var amounts: [String: Double] = [:]
            for (symbol, amount) in object {
                guard let number = JSONFields.number(amount) else {
                    throw Rejection(code: "formula.malformed_repr", message: "\(field): the amount of \(symbol) is not a number", field: field)
                }
                amounts[symbol] = number
            }
            do {
                let composition = try Composition(symbolAmounts: amounts)
                return (composition, composition.formula)
            } catch {
                throw Rejection(code: "formula.invalid", message: "\(field): \(error)", field: field)
            }
        }
        switch builder.composition(of: text) {
        case .success(let accepted): return (accepted.composition, text)
        case .failure(let rejected):
            throw Rejection(code: rejected.code, message: "\(field): \(rejected.message)", field: field, position: rejected.position)
        }
    }

    /// A whole CIF text: its one block's structure.
    static func cif(_ text: String, field: String, reading: CIFReadOptions) throws(Rejection) -> Facts {
        let file: CIFFile
        do throws(CIFError) {
            file = try CIFReader.read(bytes: Array(text.utf8), file: nil, options: reading)
        } catch {
            throw Rejection(code: "cif." + error.code, message: "\(field)\(error.line.map { " line \($0)" } ?? ""): \(error.message)", field: field)
        }
        guard file.blocks.count == 1, let result = file.blocks.first else {
            throw Rejection(code: "cif.blocks", message: "\(field): expected one data_ block, found \(file.blocks.count)", field: field)
        }
        let cif: CIFStructure
        switch result {
        case .success(let read): cif = read
        case .failure(let error):
            throw Rejection(code: "cif." + error.code, message: "\(field)\(error.line.map { " line \($0)" } ?? ""): \(error.message)", field: field)
        }
        var metadata = SpaceGroupLookup.metadata(for: cif.structure)
        if !cif.warnings.isEmpty {
            metadata["warnings"] = "[" + cif.warnings.map { JSONText.quote($0.code.rawValue) }.joined(separator: ",") + "]"
        }
        return Facts(composition: cif.structure.composition, formula: cif.structure.composition.formula, metadata: metadata,
                     structure: cif.structure)
    }

    /// A pymatgen `Structure.as_dict()` written as a Python repr or as JSON.
    static func pymatgen(_ text: String, field: String) throws(Rejection) -> Facts {
        guard PythonLiteral.isDict(text) else {
            throw Rejection(code: "structure.not_a_dict", message: "\(field): not a dict (a pymatgen Structure.as_dict() was expected)", field: field)
        }
        let json: String
        do { json = try PythonLiteral.json(text) } catch {
            throw Rejection(code: "structure.malformed_repr", message: "\(field): \(error.description)", field: field, position: error.position)
        }
        let structure: Structure
        do {
            structure = try PymatgenStructure.read(json: Data(json.utf8)).structure
        } catch {
            throw Rejection(code: "structure.invalid", message: "\(field): \(error.description)", field: field)
        }
        return Facts(composition: structure.composition, formula: structure.composition.formula,
                     metadata: SpaceGroupLookup.metadata(for: structure), structure: structure)
    }

    /// An aviary protostructure label, checked against the row's composition.
    static func label(_ text: String, field: String, composition: Composition, formula: String) throws(Rejection) -> Facts {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let label: ProtostructureLabel
        do { label = try ProtostructureLabel(parsing: trimmed) } catch {
            throw Rejection(code: "protostructure.malformed", message: "\(field): \(error)", field: field)
        }
        let elements = composition.entries.map { $0.element.symbol }.sorted()
        if !label.chemicalSystem.isEmpty, label.chemicalSystem.split(separator: "-").map(String.init).sorted() != elements {
            throw Rejection(code: "protostructure.mismatch",
                            message: "\(field): the label's chemical system \(label.chemicalSystem) is not the composition's \(elements.joined(separator: "-"))",
                            field: field)
        }
        return Facts(composition: composition, formula: formula,
                     metadata: ["protostructure": JSONText.quote(trimmed), "space_group": String(label.spaceGroupNumber)])
    }
}
