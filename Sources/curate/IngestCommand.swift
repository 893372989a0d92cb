import ArgumentParser
import Chemistry
import Crystal
import Ingest

/// `curate ingest SOURCE FILE`.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Parse a source file into the store; rejects go to the quarantine ledger with a reason.",
        discussion: """
            Sources: supercon (Stanev name,Tc; MDR formula,Tc[,lattice...]; text-mined SuperCon 2 CSVs);
            oqmd (id,composition,target = formation energy per atom, eV/atom);
            mp (task_id|material_id,composition,<property>, e.g. formation_energy_per_atom, band_gap; or JSON:
                pymatgen ComputedEntry/ComputedStructureEntry dumps, {element: entry} reference files,
                Materials Project documents; plain or .gz, chosen by content);
            wbm (WBM summary: material_id,formula,... CSV or the raw # comp,... TSV; plain, .gz or .xz);
            optimade (OPTIMADE structures responses: one response, saved pages, or a list of resources);
            table (any id?,formula,value table: give --property and --unit when the header does not say).
            synthesis (text-mined synthesis reactions JSON, 2019 or 2020 schema, optionally .xz).
            cif (a CIF file or a folder of them, recursively: one structure observation per block, with space group
            and protostructure label; unreadable blocks and files are quarantined with the reader's reason).
            Ends with: read = stored + duplicates + quarantined. Re-ingesting an unchanged file writes nothing.
            A file-level failure (missing, empty, binary, bad header, record too long) leaves the store unchanged.
            """)

    enum Source: String, ExpressibleByArgument, CaseIterable {
        case supercon, oqmd, mp, table, synthesis, wbm, optimade, cif
    }

    @Argument(help: "Source kind: \(Source.allCases.map(\.rawValue).joined(separator: ", ")).")
    var source: Source

    @Argument(help: "File to ingest (cif: a file or a folder).")
    var file: String

    @Option(name: .long, help: "Source name (default: the file name without extension).")
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

    func run() throws {
        let formulaBindings = try parseBindings(bindings)
        let store = try options.openCreating()
        let report: IngestReport
        do {
            var limits = DecompressionLimits.standard
            if let maxDecompressedBytes { limits.maxBytes = maxDecompressedBytes }
            if let maxCompressionRatio { limits.maxRatio = maxCompressionRatio }
            let ingestOptions = IngestOptions(sourceName: name, bindings: formulaBindings, decompression: limits)
            switch source {
            case .supercon:
                report = try SuperConIngester.ingest(path: file, into: store, options: ingestOptions)
            case .synthesis:
                report = try SynthesisIngester.ingest(path: file, into: store, options: ingestOptions)
            case .wbm:
                report = try WBMIngester.ingest(path: file, into: store, options: ingestOptions)
            case .optimade:
                report = try OptimadeIngester.ingest(path: file, into: store, options: ingestOptions)
            case .cif:
                report = try CIFIngester.ingest(path: file, into: store, options: ingestOptions,
                                                reading: CIFReadOptions(maxAtoms: maxAtoms, maxFileBytes: maxCifBytes))
            case .oqmd, .mp, .table:
                if source == .mp, try DFTFileKind.detect(path: file) == .json {
                    report = try MaterialsProjectJSONIngester.ingest(path: file, into: store, options: ingestOptions)
                } else {
                    let spec = PropertyTableSpec(sourceKind: source.rawValue, property: property, unit: unit, valueColumn: valueColumn)
                    report = try PropertyTableIngester.ingest(path: file, into: store, spec: spec, options: ingestOptions)
                }
            }
        } catch {
            throw CommandFailure("ingest failed, store unchanged: \(error)")
        }
        if options.json {
            try printJSON(report)
        } else {
            print(report.summaryLine)
            for (reason, count) in report.quarantineByReason.sorted(by: { $0.key < $1.key }) {
                print("  quarantined \(reason): \(count)")
            }
        }
    }
}
