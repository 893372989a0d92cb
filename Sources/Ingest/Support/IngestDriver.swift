import CurateIO
import Store

/// The one ingest path every source kind shares: plan (the ingester reads and checks its input)
/// → digest → one store transaction → accounting → report. A failure anywhere leaves the store
/// unchanged; an input already ingested unchanged (same source, sha256 and parser version)
/// writes nothing and reports `unchanged`.
public enum IngestDriver {
    /// Ingests `path` with `ingester` into `store`.
    public static func ingest(_ ingester: any SourceIngester, path: String, parameters: SourceParameters = SourceParameters(),
                              options: IngestOptions = IngestOptions(), into store: CurateStore) throws(IngestError) -> IngestReport {
        let plan = try ingester.plan(path: path, parameters: parameters, options: options)
        return try write(plan, path: path, options: options, into: store)
    }

    /// Writes `plan` (made from `path`) as one ingest run.
    public static func write(_ plan: IngestPlan, path: String, options: IngestOptions,
                             into store: CurateStore) throws(IngestError) -> IngestReport {
        let file: IngestFileInfo
        if let known = plan.input { file = known } else { file = try FileDigest.ofInput(path: path).ingestFileInfo }
        let source = SourceDescriptor(kind: plan.sourceKind, name: options.sourceName(for: path), layout: plan.layout)
        let recorded = options.recorded.merging(plan.recorded) { _, new in new }
        var repairedFields = 0
        let outcome: IngestOutcome
        do {
            outcome = try store.ingest(source: source, file: file, toolVersion: CurateVersion.current,
                                       parserVersion: plan.parserVersion, options: recorded) { sink in
                repairedFields = try plan.writeRecords(&sink)
            }
        } catch let error as CSVError {
            throw .csv(error)
        } catch let error as IngestError {
            throw error
        } catch {
            throw .store(path: path, underlying: String(describing: error))
        }
        return report(outcome, source: source, path: path, file: file, repairedFields: repairedFields)
    }

    /// The report of a run written (`completed`) or found (`unchanged`).
    static func report(_ outcome: IngestOutcome, source: SourceDescriptor, path: String, file: IngestFileInfo,
                       repairedFields: Int) -> IngestReport {
        switch outcome {
        case .completed(let summary):
            return IngestReport(status: "completed", sourceKind: source.kind, sourceName: source.name, layout: source.layout,
                                file: path, sha256: file.sha256, size: file.size, runId: summary.runId, read: summary.read,
                                stored: summary.stored, duplicates: summary.duplicates, quarantined: summary.quarantined,
                                quarantineByReason: summary.quarantineByReason, repairedFields: repairedFields)
        case .unchanged(let previous):
            return IngestReport(status: "unchanged", sourceKind: source.kind, sourceName: source.name, layout: source.layout,
                                file: path, sha256: file.sha256, size: file.size, runId: previous.id, read: 0, stored: 0,
                                duplicates: 0, quarantined: 0, quarantineByReason: [:], repairedFields: 0)
        }
    }
}
