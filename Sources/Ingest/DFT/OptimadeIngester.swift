import Chemistry
import Store
import CurateIO

/// `curate ingest optimade FILE`: OPTIMADE `structures` responses (JSON:API, v1), one response,
/// a list of saved pages, or a bare list of resources; plain or gzip/xz-compressed. Each
/// structure enters the store with its composition, provider id and formula (see
/// ``OptimadeInterpreter``); provider-specific DFT values (`_oqmd_delta_e`, …) become
/// observations of their own.
public struct OptimadeIngester: SourceIngester {
    /// Version of the interpretation rules.
    public static let parserVersion = "optimade-ingest/1 " + FormulaParser.version
    /// Version recorded with quarantine rows.
    public static let ruleVersion = "optimade-ingest/1"
    /// The one layout: OPTIMADE `structures` resources.
    static let layout = "optimade-structures"

    public let kind = "optimade"
    public let summary = "OPTIMADE structures responses: one response, saved pages, or a list of resources"

    /// Creates the ingester.
    public init() {}

    /// Ingests the OPTIMADE response at `path` into `store` in one transaction.
    public static func ingest(path: String, into store: CurateStore,
                              options: IngestOptions = IngestOptions()) throws(IngestError) -> IngestReport {
        try OptimadeIngester().ingest(path: path, options: options, into: store)
    }

    /// Reads and interprets the whole response.
    public func plan(path: String, parameters: SourceParameters, options: IngestOptions) throws(IngestError) -> IngestPlan {
        let prepared = try Self.prepare(path: path, limits: options.decompression)
        var recorded = prepared.recorded
        recorded["layout"] = Self.layout
        return IngestPlan(sourceKind: kind, layout: Self.layout, parserVersion: Self.parserVersion, recorded: recorded,
                          records: prepared.records)
    }

    /// The records an ingest of `path` would write and the options it records, before the
    /// store is touched; refuses a file that is not an OPTIMADE response.
    static func prepare(path: String, limits: DecompressionLimits = .standard) throws(IngestError)
        -> (records: [PreparedRecord], recorded: [String: String]) {
        let (bytes, compression) = try DFTInput.load(path: path, limits: limits)
        let scanner = JSONDocumentScanner(bytes: bytes)
        let layout: OptimadeLayout
        do {
            layout = try OptimadeLayout.split(scanner)
        } catch {
            throw .unreadable(path: path, reason: "not an OPTIMADE response: \(error)")
        }
        var builder = DFTRecordBuilder(ruleVersion: ruleVersion)
        var recorded = ["shape": layout.shape, "compression": compression.rawValue, "records": String(layout.records.count)]
        if let version = layout.apiVersion { recorded["api_version"] = version }
        let prefixes = Set(layout.records.compactMap(\.providerPrefix))
        if !prefixes.isEmpty { recorded["provider"] = prefixes.sorted().joined(separator: ",") }
        let records = layout.records.flatMap { record in
            OptimadeInterpreter.records(record, raw: scanner.text(record.range), data: scanner.data(record.range), builder: &builder)
        }
        return (records, recorded)
    }
}
