import Chemistry
import Store

/// `curate ingest wbm FILE`: the WBM summary tables (Wang et al. 2021), CSV or TSV, plain or
/// gzip/xz-compressed, in either published layout (see ``WBMColumns``).
///
/// Each value column of a row becomes one observation whose `correction` condition says which
/// scheme it carries (`none`, `mp2020`, `mp_legacy`, `wbm_published`), with the material id and
/// its substitution round (`batch`, 1–5) in the metadata; total energies are stored per atom.
/// A row that cannot be used at all is one quarantined record (see ``WBMRowInterpreter``), so
/// `read` counts one record per stored or quarantined value plus one per unusable row.
public struct WBMIngester: SourceIngester {
    /// Version of the interpretation rules.
    public static let parserVersion = "wbm-ingest/1 " + FormulaParser.version
    /// Version recorded with quarantine rows.
    public static let ruleVersion = "wbm-ingest/1"

    public let kind = "wbm"
    public let summary = "WBM summary: material_id,formula,... CSV or the raw # comp,... TSV; plain, .gz or .xz"

    /// Creates the ingester.
    public init() {}

    /// Ingests the WBM table at `path` into `store` in one transaction.
    public static func ingest(path: String, into store: CurateStore,
                              options: IngestOptions = IngestOptions()) throws(IngestError) -> IngestReport {
        try WBMIngester().ingest(path: path, options: options, into: store)
    }

    /// Opens the table and finds its columns; the rows are streamed by the driver.
    public func plan(path: String, parameters: SourceParameters, options: IngestOptions) throws(IngestError) -> IngestPlan {
        let table = try DelimitedTable(path: path, maxRecordBytes: options.maxRecordBytes, decompression: options.decompression)
        let columns = try WBMColumns.detect(firstRow: table.firstRow.fields, path: path)
        var interpreter = WBMRowInterpreter(columns: columns)
        var recorded = [
            "value_columns": columns.values.map(\.header).joined(separator: ","),
            "delimiter": table.delimiter == 0x09 ? "tab" : "comma",
            "compression": table.compression.rawValue,
        ]
        if !columns.ignored.isEmpty { recorded["ignored_columns"] = columns.ignored.joined(separator: ",") }
        if columns.firstRowIsData { recorded["header"] = "none" }
        recorded["layout"] = columns.layout
        return IngestPlan(sourceKind: kind, layout: columns.layout, parserVersion: Self.parserVersion, recorded: recorded) { sink in
            if columns.firstRowIsData {
                for record in interpreter.interpret(table.firstRow) { try sink.append(record) }
            }
            while let row = try table.next() {
                for record in interpreter.interpret(row) { try sink.append(record) }
            }
            return 0
        }
    }
}
