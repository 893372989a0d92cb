import Crystal
import CurateIO
import Store

/// `curate ingest cif PATH`: a CIF file or a folder of them into the store. Every block that
/// reads becomes a `structure` observation of its composition's material (metadata: entry id,
/// space group and protostructure label at symprec 0.1 Å for ordered structures, sites, volume,
/// year, ICSD/COD code, reader warnings); every block or file that does not is quarantined with
/// the reader's reason code (`cif.<code>`) and line.
public struct CIFIngester: SourceIngester {
    /// Version of the interpretation rules.
    public static let parserVersion = "cif-ingest/1"
    /// Version recorded with quarantine rows.
    public static let ruleVersion = "cif-ingest/1"

    public let kind = "cif"
    public let summary = """
        a CIF file or a folder of them, recursively: one structure observation per block, with space group \
        and protostructure label; unreadable blocks and files are quarantined with the reader's reason
        """
    public var readsFolders: Bool { true }
    /// Tolerances of the symmetry search.
    public var symmetry: SymmetryOptions
    /// Files read and analysed at once; the store writer stays single and records keep file order.
    public var jobs: Int

    /// The ingester, with Materials Project symmetry tolerances and every active core by default.
    public init(symmetry: SymmetryOptions = .materialsProject, jobs: Int = OrderedParallelMap.activeCores) {
        self.symmetry = symmetry
        self.jobs = jobs
    }

    /// The `*.cif` files behind `path`: the file itself, or every one under the folder.
    static func inputs(_ path: String) throws(IngestError) -> InputFileSet {
        try InputFileSet(path: path, wanted: ".cif files", accepts: { $0.lowercased().hasSuffix(".cif") })
    }

    /// A file's own digest, or a folder's digest of its files' digests.
    public func digest(path: String) throws(IngestError) -> IngestFileInfo { try Self.inputs(path).info }

    /// Ingests `path` (a file or a folder, recursively) in one transaction.
    public static func ingest(path: String, into store: CurateStore, options: IngestOptions = IngestOptions(),
                              symmetry: SymmetryOptions = .materialsProject,
                              reading: CIFReadOptions? = nil) throws(IngestError) -> IngestReport {
        var options = options
        if let reading { options.cifReading = reading }
        return try CIFIngester(symmetry: symmetry).ingest(path: path, options: options, into: store)
    }

    /// Lists (and hashes) the CIF files; each is read as the driver writes its records. A single
    /// file that is empty or not CIF at all is refused with no run written; in a folder such a
    /// file is quarantined, and the rest is ingested.
    public func plan(path: String, parameters: SourceParameters, options: IngestOptions) throws(IngestError) -> IngestPlan {
        let inputs = try Self.inputs(path)
        if inputs.isSingleFile { try CIFRecordInterpreter.requireCIF(path: path, reading: options.cifReading) }
        let (symmetry, jobs, files, reading) = (symmetry, jobs, inputs.files, options.cifReading)
        let recorded = ["symprec": String(symmetry.symprec), "files": String(inputs.files.count)]
        return IngestPlan(sourceKind: kind, layout: inputs.files.count == 1 ? "file" : "folder", parserVersion: Self.parserVersion,
                          recorded: recorded, input: inputs.info) { sink in
            // Files are interpreted on `jobs` threads; their records reach the one writer in file order.
            let cache = SymmetryCache()
            try OrderedParallelMap.run(count: files.count, jobs: jobs) { index in
                var interpreter = CIFRecordInterpreter(symmetry: symmetry, reading: reading, cache: cache)
                return interpreter.records(path: files[index].path, relative: files[index].relative)
            } consume: { _, records in
                for record in records { try sink.append(record) }
            }
            return 0
        }
    }
}
