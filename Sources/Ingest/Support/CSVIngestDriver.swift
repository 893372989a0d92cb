import Store

/// Turns one CSV row into one prepared store record (an observation or a quarantine row).
protocol RowInterpreter {
    /// Interprets `row`; never fails: problems become quarantine records.
    mutating func interpret(_ row: CSVRow) -> PreparedRecord
    /// Fields whose text was repaired so far.
    var repairedFields: Int { get }
}

/// The part every CSV ingester shares: open and sniff the file, read the header, hash the file,
/// stream rows through an interpreter inside one store transaction, and report.
enum CSVIngestDriver {
    /// Opens `path` and returns the reader positioned after the header, and the header fields.
    static func open(path: String, options: IngestOptions) throws(IngestError) -> (CSVReader, [String]) {
        try RegularFile.refuseSpecial(path)
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, options: CSVReaderOptions(maxRecordBytes: options.maxRecordBytes))
        } catch {
            throw .csv(error)
        }
        guard let header = reader.header else {
            throw .header(path: path, message: "the file has no header row", columnsSeen: [])
        }
        return (reader, header.fields)
    }

    /// Streams every row of `reader` through `interpreter` into `store` as one ingest run.
    static func run<Interpreter: RowInterpreter>(
        path: String, reader: CSVReader, store: CurateStore, sourceKind: String, layout: String,
        parserVersion: String, options: IngestOptions, recordedOptions: [String: String] = [:],
        interpreter: inout Interpreter
    ) throws(IngestError) -> IngestReport {
        let file = try FileDigest.compute(path: path)
        let source = SourceDescriptor(kind: sourceKind, name: options.sourceName(for: path), layout: layout)
        var recorded = options.recorded.merging(recordedOptions) { _, new in new }
        recorded["layout"] = layout
        let outcome: IngestOutcome
        do {
            outcome = try store.ingest(source: source, file: IngestFileInfo(path: path, sha256: file.sha256, size: file.size),
                                       toolVersion: CurateVersion.current, parserVersion: parserVersion,
                                       options: recorded) { sink in
                while let row = try reader.next() {
                    try sink.append(interpreter.interpret(row))
                }
            }
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
                                quarantineByReason: summary.quarantineByReason, repairedFields: interpreter.repairedFields)
        case .unchanged(let previous):
            return IngestReport(status: "unchanged", sourceKind: source.kind, sourceName: source.name, layout: layout,
                                file: path, sha256: file.sha256, size: file.size, runId: previous.id, read: 0, stored: 0,
                                duplicates: 0, quarantined: 0, quarantineByReason: [:], repairedFields: 0)
        }
    }
}
