import CurateIO
import Store

/// `curate ingest structures FILE`: a structure benchmark table, in the formats users meet
/// every day (chosen by content, plain, gzip or xz):
///
/// - a CSV with a multi-line quoted `cif` column (CDVAE's perov_5, MP-20, carbon-24): layout `cif-csv`;
/// - matminer's older CSV whose `structure` (and `formula`) cells are Python reprs of pymatgen
///   dicts, with `# ref:` comment lines before the header (FLLA): layout `matminer-csv`;
/// - a pandas "split" JSON with pymatgen `Structure.as_dict()` cells (every matbench task
///   file): layout `matbench-json`;
/// - an aviary/Wren CSV with a `protostructure` or `wyckoff` label column and no coordinates:
///   layout `wren-csv`.
///
/// Each numeric column gives one observation per row, carrying the row's protostructure label
/// and space group (see ``BenchmarkRowInterpreter`` for the rules and quarantine codes). A
/// file that is truncated, not a table, or has no structure column is refused before the store
/// is touched.
public struct StructureTableIngester: SourceIngester {
    /// Version of the interpretation rules.
    public static let parserVersion = BenchmarkRowInterpreter.ruleVersion
    public let kind = "structures"
    public let summary = """
        structure benchmark tables: CSV with a cif column (perov_5, MP-20), matminer CSV with Python-repr structure dicts (FLLA), \
        matbench "split" JSON with Structure.as_dict() cells, aviary/Wren CSV with protostructure labels; one observation per \
        numeric column with the row's protostructure label; plain or .gz/.xz, chosen by content
        """
    /// Rows read and analysed at once; records keep row order.
    public var jobs: Int

    /// Creates the ingester, with every active core by default.
    public init(jobs: Int = OrderedParallelMap.activeCores) {
        self.jobs = jobs
    }

    /// Rows interpreted together between two writes: enough to keep every core busy, few
    /// enough that memory does not grow with the file.
    static let batchSize = 2048

    public func plan(path: String, parameters: SourceParameters, options: IngestOptions) throws(IngestError) -> IngestPlan {
        let source = try Self.open(path: path, options: options)
        let columns = try source.columns(parameters: parameters, path: path)
        let layout = columns.layout(format: source.format)
        var recorded = source.recorded
        recorded["layout"] = layout
        recorded["structure_column"] = source.header[columns.structure.index]
        recorded["value_columns"] = columns.values.map(\.header).joined(separator: ",")
        if !columns.ignored.isEmpty { recorded["ignored_columns"] = columns.ignored.joined(separator: ",") }
        let (header, reading, jobs) = (source.header, options.cifReading, jobs)
        return IngestPlan(sourceKind: kind, layout: layout, parserVersion: Self.parserVersion, recorded: recorded) { sink in
            try source.forEachBatch(size: Self.batchSize) { rows in
                try OrderedParallelMap.run(count: rows.count, jobs: jobs) { index in
                    var interpreter = BenchmarkRowInterpreter(columns: columns, header: header, reading: reading)
                    return interpreter.records(rows[index])
                } consume: { _, records in
                    for record in records { try sink.append(record) }
                }
            }
            return 0
        }
    }

    /// The layout and every record of `path`, in row order, without a store (for tests and tools).
    static func prepare(path: String, parameters: SourceParameters = SourceParameters(),
                        options: IngestOptions = IngestOptions()) throws(IngestError) -> (layout: String, records: [PreparedRecord]) {
        let table = try table(path: path, options: options)
        let columns = try BenchmarkColumns.detect(header: table.header, rows: table.rows, parameters: parameters, path: path)
        var interpreter = BenchmarkRowInterpreter(columns: columns, header: table.header, reading: options.cifReading)
        return (columns.layout(format: table.format), table.rows.flatMap { interpreter.records($0) })
    }

    /// The file's rows: a pandas split JSON when its first significant byte opens an object,
    /// else a CSV.
    static func table(path: String, options: IngestOptions) throws(IngestError) -> BenchmarkTable {
        switch try open(path: path, options: options) {
        case .csv(let csv): return try csv.table()
        case .whole(let table): return table
        }
    }

    /// The file opened for reading: a CSV streams from disk; a JSON document (or a file of
    /// whitespace, refused here) is read whole.
    static func open(path: String, options: IngestOptions) throws(IngestError) -> BenchmarkSource {
        let compression = try DFTInput.compression(of: path)
        let prefix = try DFTInput.prefix(path: path, compression: compression, limits: options.decompression, count: 1 << 16)
        switch DFTInput.firstSignificantByte(prefix) {
        case nil, UInt8(ascii: "{"), UInt8(ascii: "["):
            let (bytes, compression) = try DFTInput.load(path: path, limits: options.decompression)
            switch DFTInput.firstSignificantByte(bytes) {
            case nil: throw .unreadable(path: path, reason: bytes.isEmpty ? "the file is empty" : "the file holds only whitespace")
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                return .whole(try MatbenchSplitJSON.read(bytes: bytes, path: path, compression: compression))
            default:
                break
            }
        default:
            break
        }
        return .csv(try BenchmarkCSV(path: path, compression: compression, limits: options.decompression,
                                     maxRecordBytes: options.maxRecordBytes))
    }
}

/// A structure benchmark opened for reading: a CSV streamed from disk, or a table read whole.
enum BenchmarkSource {
    case csv(BenchmarkCSV)
    case whole(BenchmarkTable)

    /// `csv` or `matbench-json`.
    var format: String {
        switch self {
        case .csv: "csv"
        case .whole(let table): table.format
        }
    }

    /// Column headers in file order.
    var header: [String] {
        switch self {
        case .csv(let csv): csv.header
        case .whole(let table): table.header
        }
    }

    /// Options worth recording with the run.
    var recorded: [String: String] {
        switch self {
        case .csv(let csv): csv.recorded
        case .whole(let table): table.recorded
        }
    }

    /// The columns' roles (see ``BenchmarkColumns/detect(header:parameters:path:holdsNumbers:)``).
    func columns(parameters: SourceParameters, path: String) throws(IngestError) -> BenchmarkColumns {
        switch self {
        case .csv(let csv):
            try BenchmarkColumns.detect(header: csv.header, parameters: parameters, path: path) { csv.numericColumns.contains($0) }
        case .whole(let table):
            try BenchmarkColumns.detect(header: table.header, rows: table.rows, parameters: parameters, path: path)
        }
    }

    /// Hands the rows to `body` in file order, at most `size` at a time.
    func forEachBatch(size: Int, _ body: ([BenchmarkTable.Row]) throws -> Void) throws {
        switch self {
        case .csv(let csv):
            try csv.forEachBatch(size: size, body)
        case .whole(let table):
            var start = 0
            while start < table.rows.count {
                let end = min(start + size, table.rows.count)
                try body(Array(table.rows[start..<end]))
                start = end
            }
        }
    }
}
