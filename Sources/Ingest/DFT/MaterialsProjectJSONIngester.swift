import Chemistry
import Foundation
import Store
import CurateIO

/// `curate ingest mp FILE` for JSON: pymatgen `ComputedEntry`/`ComputedStructureEntry`/`PDEntry`
/// dumps (a list, one entry, or `{key: entry}` such as the elemental-reference files) and
/// Materials Project documents (a list, one document, or an API response `{"data": [...]}`),
/// plain or gzip/xz-compressed.
///
/// The file is split into records by a byte scanner (a truncated or non-JSON file is refused and
/// the store is left unchanged); each record is decoded on its own. Entries become records as
/// described in ``PymatgenEntryRecords``, documents as in ``MPDocumentInterpreter``; a record
/// bare pymatgen `Structure` becomes a `structure` observation (``PymatgenStructureRecord``); a
/// record that is none of these is quarantined as `record.unknown_kind`, one that is not a JSON object as
/// `record.malformed_json`.
public enum MaterialsProjectJSONIngester {
    /// Version of the interpretation rules.
    public static let parserVersion = "mp-json-ingest/1 " + FormulaParser.version
    /// Version recorded with quarantine rows.
    public static let ruleVersion = "mp-json-ingest/1"

    /// Entry classes read as pymatgen entries.
    static let entryClasses: Set<String> = [
        "ComputedEntry", "ComputedStructureEntry", "PDEntry", "GibbsComputedStructureEntry", "TransformedPDEntry",
    ]

    /// Ingests the JSON file at `path` into `store` in one transaction.
    public static func ingest(path: String, into store: CurateStore,
                              options: IngestOptions = IngestOptions()) throws(IngestError) -> IngestReport {
        try IngestDriver.write(plan(path: path, limits: options.decompression), path: path, options: options, into: store)
    }

    /// Reads and interprets the whole file, ready for the driver.
    static func plan(path: String, limits: DecompressionLimits = .standard) throws(IngestError) -> IngestPlan {
        let prepared = try prepare(path: path, limits: limits)
        var recorded = prepared.recorded
        recorded["layout"] = prepared.layout
        return IngestPlan(sourceKind: "mp", layout: prepared.layout, parserVersion: parserVersion, recorded: recorded,
                          records: prepared.records)
    }

    /// Everything an ingest of `path` would write, before the store is touched.
    struct Prepared {
        /// `mp-json-entries`, `mp-json-documents`, `mp-json-structures` or `mp-json-mixed`.
        let layout: String
        /// Options recorded with the run.
        let recorded: [String: String]
        /// The records in file order.
        let records: [PreparedRecord]
    }

    /// Reads and interprets the whole file; refuses a file that is not a JSON document.
    static func prepare(path: String, limits: DecompressionLimits = .standard) throws(IngestError) -> Prepared {
        let (bytes, compression) = try DFTInput.load(path: path, limits: limits)
        let scanner = JSONDocumentScanner(bytes: bytes)
        let layout: MPJSONLayout
        do {
            layout = try MPJSONLayout.split(scanner)
        } catch {
            throw .unreadable(path: path, reason: "not a JSON document: \(error)")
        }
        var builder = DFTRecordBuilder(ruleVersion: ruleVersion)
        var slots: [Int: [PreparedRecord]] = [:]
        var entries: [ReadEntry] = []
        var documents = 0
        var structures = 0
        for record in layout.records {
            let whole = DFTRecordBuilder.Origin(locator: record.locator, line: nil, raw: scanner.text(record.range))
            let object: [String: Any]
            switch JSONFields.parseObject(scanner.data(record.range)) {
            case .success(let parsed): object = parsed
            case .failure(let failure):
                slots[record.number] = [builder.quarantine(whole, "record.malformed_json", failure.message, field: nil)]
                continue
            }
            switch kind(of: object) {
            case .entry:
                switch PymatgenEntryReading.read(record, object: object, scanner: scanner) {
                case .success(let read): entries.append(read)
                case .failure(let rejection):
                    slots[record.number] = [builder.quarantine(whole, rejection.code, rejection.message, field: rejection.field)]
                }
            case .document:
                documents += 1
                slots[record.number] = MPDocumentInterpreter.records(record, object: object, scanner: scanner, builder: &builder)
            case .structure:
                structures += 1
                slots[record.number] = PymatgenStructureRecord.records(record, scanner: scanner, builder: &builder)
            case .unknown:
                slots[record.number] = [builder.quarantine(whole, "record.unknown_kind",
                    "neither a pymatgen entry (@class ComputedEntry/ComputedStructureEntry/PDEntry, or energy + composition) nor a Materials Project document (material_id or task_id) nor a Structure",
                    field: "@class")]
            }
        }
        for (number, records) in PymatgenEntryRecords.records(entries, builder: &builder) { slots[number] = records }
        let kinds = [("entries", entries.count), ("documents", documents), ("structures", structures)].filter { $0.1 > 0 }.map(\.0)
        let kind = kinds.count == 1 ? kinds[0] : (kinds.isEmpty ? "entries" : "mixed")
        let recorded = ["shape": layout.shape, "compression": compression.rawValue, "records": String(layout.records.count)]
        return Prepared(layout: "mp-json-\(kind)", recorded: recorded,
                        records: slots.keys.sorted().flatMap { slots[$0] ?? [] })
    }

    enum RecordKind { case entry, document, structure, unknown }

    /// Entry, document, bare structure, or none of these.
    static func kind(of object: [String: Any]) -> RecordKind {
        let isDocument = object.keys.contains("material_id") || object.keys.contains("task_id")
        if let className = JSONFields.string(object["@class"]) {
            if entryClasses.contains(className) { return .entry }
            if className == "Structure" { return .structure }
            return isDocument ? .document : .unknown
        }
        if isDocument { return .document }
        if object.keys.contains("energy") && object.keys.contains("composition") { return .entry }
        if object.keys.contains("lattice") && object.keys.contains("sites") { return .structure }
        return .unknown
    }
}
