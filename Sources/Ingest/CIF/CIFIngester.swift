import Crystal
import Store

/// `curate ingest cif PATH`: a CIF file or a folder of them into the store. Every block that
/// reads becomes a `structure` observation of its composition's material (metadata: entry id,
/// space group and protostructure label at symprec 0.1 Å for ordered structures, sites, volume,
/// year, ICSD/COD code, reader warnings); every block or file that does not is quarantined with
/// the reader's reason code (`cif.<code>`) and line.
public enum CIFIngester {
    /// Version of the interpretation rules.
    public static let parserVersion = "cif-ingest/1"
    /// Version recorded with quarantine rows.
    public static let ruleVersion = "cif-ingest/1"

    /// The sha256 an ingest of `path` records (a file's own, or a folder's digest of digests).
    public static func digest(path: String) throws(IngestError) -> String { try CIFInputSet(path: path).info.sha256 }

    /// Ingests `path` (a file or a folder, recursively) in one transaction.
    public static func ingest(path: String, into store: CurateStore, options: IngestOptions = IngestOptions(),
                              symmetry: SymmetryOptions = .materialsProject,
                              reading: CIFReadOptions = CIFReadOptions()) throws(IngestError) -> IngestReport {
        let inputs = try CIFInputSet(path: path)
        // A single file that is empty or not CIF at all is refused with no run written; in a
        // folder such a file is quarantined, and the rest is ingested.
        if inputs.isSingleFile { try CIFRecordInterpreter.requireCIF(path: path, reading: reading) }
        var interpreter = CIFRecordInterpreter(symmetry: symmetry, reading: reading)
        let name = options.sourceName(for: path.hasSuffix("/") ? String(path.dropLast()) : path)
        let source = SourceDescriptor(kind: "cif", name: name, layout: inputs.files.count == 1 ? "file" : "folder")
        var recorded = options.recorded
        recorded["symprec"] = String(symmetry.symprec)
        recorded["files"] = String(inputs.files.count)
        let outcome: IngestOutcome
        do {
            outcome = try store.ingest(source: source, file: inputs.info, toolVersion: CurateVersion.current,
                                       parserVersion: parserVersion, options: recorded) { sink in
                for file in inputs.files {
                    for record in interpreter.records(path: file.path, relative: file.relative) { try sink.append(record) }
                }
            }
        } catch let error as IngestError {
            throw error
        } catch {
            throw .store(path: path, underlying: String(describing: error))
        }
        switch outcome {
        case .completed(let summary):
            return IngestReport(status: "completed", sourceKind: source.kind, sourceName: source.name, layout: source.layout,
                                file: path, sha256: inputs.info.sha256, size: inputs.info.size, runId: summary.runId,
                                read: summary.read, stored: summary.stored, duplicates: summary.duplicates,
                                quarantined: summary.quarantined, quarantineByReason: summary.quarantineByReason, repairedFields: 0)
        case .unchanged(let previous):
            return IngestReport(status: "unchanged", sourceKind: source.kind, sourceName: source.name, layout: source.layout,
                                file: path, sha256: inputs.info.sha256, size: inputs.info.size, runId: previous.id, read: 0,
                                stored: 0, duplicates: 0, quarantined: 0, quarantineByReason: [:], repairedFields: 0)
        }
    }
}
