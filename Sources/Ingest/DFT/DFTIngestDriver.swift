import CurateIO
import Store

/// The part the DFT ingesters share: hash the file, write every record inside one store
/// transaction as one ingest run, and report. A failure anywhere leaves the store unchanged.
enum DFTIngestDriver {
    /// Writes the records that `body` appends as one run of `sourceKind`/`layout`.
    static func run(path: String, store: CurateStore, sourceKind: String, layout: String, parserVersion: String,
                    options: IngestOptions, recordedOptions: [String: String],
                    body: (inout IngestSink) throws -> Void) throws(IngestError) -> IngestReport {
        let file = try FileDigest.ofInput(path: path)
        let source = SourceDescriptor(kind: sourceKind, name: sourceName(for: path, options: options), layout: layout)
        var recorded = options.recorded.merging(recordedOptions) { _, new in new }
        recorded["layout"] = layout
        let outcome: IngestOutcome
        do {
            outcome = try store.ingest(source: source, file: IngestFileInfo(path: path, sha256: file.sha256, size: file.size),
                                       toolVersion: CurateVersion.current, parserVersion: parserVersion,
                                       options: recorded, body: body)
        } catch let error as CSVError {
            throw .csv(error)
        } catch let error as IngestError {
            throw error
        } catch {
            throw .store(path: path, underlying: String(describing: error))
        }
        switch outcome {
        case .completed(let summary):
            return IngestReport(status: "completed", sourceKind: source.kind, sourceName: source.name, layout: layout,
                                file: path, sha256: file.sha256, size: file.size, runId: summary.runId, read: summary.read,
                                stored: summary.stored, duplicates: summary.duplicates, quarantined: summary.quarantined,
                                quarantineByReason: summary.quarantineByReason, repairedFields: 0)
        case .unchanged(let previous):
            return IngestReport(status: "unchanged", sourceKind: source.kind, sourceName: source.name, layout: layout,
                                file: path, sha256: file.sha256, size: file.size, runId: previous.id, read: 0, stored: 0,
                                duplicates: 0, quarantined: 0, quarantineByReason: [:], repairedFields: 0)
        }
    }

    /// Compression suffixes dropped before the format extension when naming a source.
    static let compressionSuffixes = [".gz", ".xz", ".bz2", ".zip"]

    /// The source name: `--name`, else the file name without its compression suffix and
    /// extension (`Li-Fe-O.json.gz` → `Li-Fe-O`).
    static func sourceName(for path: String, options: IngestOptions) -> String {
        var stripped = path
        for suffix in compressionSuffixes where stripped.hasSuffix(suffix) && stripped.count > suffix.count {
            stripped.removeLast(suffix.count)
            break
        }
        return options.sourceName(for: stripped)
    }
}
