import CurateIO
import Store

/// `curate ingest vasp PATH`: a `vasprun.xml[.gz|.xz]` or a folder searched recursively for
/// them. A converged, complete run becomes its uncorrected `energy_per_atom` (with run type,
/// INCAR essentials, POTCARs, U values, per-step energies and forces, Fermi level) and its final
/// `structure`; a truncated, input-only or unconverged run is quarantined with a `vasp.*`
/// reason (see ``VaspRunRecords``). Each file is streamed through libxml2, one at a time.
public struct VaspIngester: SourceIngester {
    /// Version of the interpretation rules.
    public static let parserVersion = "vasp-ingest/1"
    /// Version recorded with quarantine rows.
    public static let ruleVersion = "vasp-ingest/1"

    public let kind = "vasp"
    public let summary = """
        VASP vasprun.xml files (plain, .gz, .xz) or folders of them: final energy per atom and structure of converged \
        runs; truncated and unconverged runs are quarantined with the reason
        """
    public var readsFolders: Bool { true }

    /// Creates the ingester.
    public init() {}

    /// A file's own digest, or a folder's digest of its `vasprun` files.
    public func digest(path: String) throws(IngestError) -> IngestFileInfo { try Self.inputs(path).info }

    /// Lists and hashes the files; each is read as the driver writes its records.
    public func plan(path: String, parameters: SourceParameters, options: IngestOptions) throws(IngestError) -> IngestPlan {
        let inputs = try Self.inputs(path)
        let files = inputs.files
        let limits = options.decompression
        return IngestPlan(sourceKind: kind, layout: inputs.isSingleFile ? "file" : "folder", parserVersion: Self.parserVersion,
                          recorded: ["files": String(files.count)], input: inputs.info) { sink in
            var builder = DFTRecordBuilder(ruleVersion: Self.ruleVersion)
            for file in files {
                let run = try VasprunFile.read(path: file.path, limits: limits)
                for record in VaspRunRecords.records(run, locator: file.relative, builder: &builder) { try sink.append(record) }
            }
            return 0
        }
    }

    static func inputs(_ path: String) throws(IngestError) -> InputFileSet {
        try InputFileSet(path: path, wanted: "vasprun files", accepts: VasprunFile.isVasprunName)
    }
}
