import ArgumentParser
import CurateApp
import CurateIO
import Crystal
import Ingest

/// `curate ingest SOURCE FILE`.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Parse a source file into the store; rejects go to the quarantine ledger with a reason.",
        discussion: """
            Sources:
            \(IngestWorkflow.kindsHelp)
            Ends with: read = stored + duplicates + quarantined. Re-ingesting an unchanged file writes nothing.
            A file-level failure (missing, empty, binary, bad header, record too long) leaves the store unchanged.
            Default source name: the file name without a compression suffix (.gz, .xz, .bz2, .zip) and its extension.
            """)

    @Argument(help: "Source kind: \(SourceRegistry.kinds.joined(separator: ", ")).")
    var source: String

    @Argument(help: "File to ingest (cif, vasp: a file or a folder, searched recursively; optimade: also an http(s) endpoint URL).")
    var file: String

    @Option(name: .long, help: "optimade URL: the OPTIMADE filter, e.g. 'elements HAS ALL \"Li\",\"O\" AND nelements<=3'.")
    var filter: String?

    @Option(name: .long, help: "optimade URL: page_limit asked of the server.")
    var pageLimit: Int?

    @Option(name: .long, help: "optimade URL: folder the pages are saved in and resumed from (default: optimade-pages).")
    var pagesDir = "optimade-pages"

    @Option(name: .long, help: "Source name (default: the file name without compression suffix and extension).")
    var name: String?

    @Option(name: .long, help: "Values for formula variables and placeholders, e.g. x=0.15,R=Pr.")
    var bindings: String?

    @Option(name: .long, help: "Property name for table sources (default: the value column's header).")
    var property: String?

    @Option(name: .long, help: "Unit for table sources (default: the known unit of the property).")
    var unit: String?

    @Option(name: .long, help: "Value column for table sources when several are possible.")
    var valueColumn: String?

    @Option(name: .long, help: "Largest decompressed size of a .gz/.xz input, in bytes (default 4 GiB; $CURATE_MAX_DECOMPRESSED_BYTES).")
    var maxDecompressedBytes: Int?

    @Option(name: .long, help: "Largest decompressed/compressed size ratio of a .gz/.xz input (default 200; $CURATE_MAX_COMPRESSION_RATIO).")
    var maxCompressionRatio: Int?

    @Option(name: .long, help: "cif: most sites per structure, checked before symmetry (default \(CIFReadOptions.defaultMaxAtoms)).")
    var maxAtoms = CIFReadOptions.defaultMaxAtoms

    @Option(name: .long, help: "cif: largest CIF file read, in bytes (default \(CIFReadOptions.defaultMaxFileBytes)).")
    var maxCifBytes = CIFReadOptions.defaultMaxFileBytes

    @OptionGroup var options: StoreOptions

    func validate() throws {
        do { _ = try SourceRegistry.ingester(for: source) } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        var limits = DecompressionLimits.standard
        if let maxDecompressedBytes { limits.maxBytes = maxDecompressedBytes }
        if let maxCompressionRatio { limits.maxRatio = maxCompressionRatio }
        let ingestOptions = IngestOptions(sourceName: name, bindings: try parseBindings(bindings), decompression: limits,
                                          cifReading: CIFReadOptions(maxAtoms: maxAtoms, maxFileBytes: maxCifBytes))
        if source == "optimade", file.hasPrefix("http://") || file.hasPrefix("https://") {
            return try queryOptimade(ingestOptions)
        }
        let parameters = SourceParameters(property: property, unit: unit, valueColumn: valueColumn)
        let report: IngestReport
        let progress = FileReadProgress(path: file, label: "ingest", json: options.json)
        defer { progress.finish() }
        do {
            report = try IngestWorkflow.run(kind: source, path: file, storePath: options.storePath, options: ingestOptions,
                                            parameters: parameters)
        } catch {
            throw CommandFailure(error.description)
        }
        progress.finish()
        if options.json {
            try printJSON(report)
        } else {
            report.textLines.forEach { print($0) }
        }
    }

    /// `curate ingest optimade URL`: pages through the endpoint, saves the pages, ingests them.
    private func queryOptimade(_ ingestOptions: IngestOptions) throws {
        let query = OptimadeQueryWorkflow.Options(filter: filter, pageLimit: pageLimit, directory: pagesDir)
        let report: OptimadeQueryWorkflow.Report
        do {
            report = try OptimadeQueryWorkflow.run(url: file, options: query, storePath: options.storePath, ingestOptions: ingestOptions)
        } catch {
            throw CommandFailure("optimade query failed (pages saved so far are kept in \(pagesDir); run again to resume): \(error)")
        }
        if options.json { return try printJSON(report) }
        print("\(report.pagesFetched) page(s) fetched, \(report.pagesReused) reused\(report.complete ? "" : " (more pages remain)"): \(report.query)")
        report.ingest.textLines.forEach { print($0) }
    }
}
