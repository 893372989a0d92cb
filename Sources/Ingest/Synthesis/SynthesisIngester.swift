import Chemistry
import Foundation
import Store

/// `curate ingest synthesis FILE`: text-mined synthesis reactions (the 2019 solid-state
/// release `{release_date, reactions: [...]}`, plain or xz-compressed, and the 2020 releases,
/// also as a bare list). One `synthesis_reaction` observation per reaction, of the target's
/// composition, with the structured recipe as metadata; rejects are quarantined with `synthesis.*` codes.
///
/// The whole (decompressed) file is held in memory and split into reactions by a byte scanner;
/// each reaction is decoded on its own, and its exact JSON text is kept as the raw record.
public enum SynthesisIngester {
    /// Version of the interpretation rules.
    public static let parserVersion = "synthesis-ingest/1 " + FormulaParser.version
    /// Version recorded with quarantine rows.
    public static let ruleVersion = "synthesis-ingest/1"

    /// Ingests the synthesis file at `path` into `store` in one transaction.
    public static func ingest(path: String, into store: CurateStore,
                              options: IngestOptions = IngestOptions()) throws(IngestError) -> IngestReport {
        let file = try FileDigest.compute(path: path)
        let bytes = try load(path: path, limits: options.decompression)
        let layout: JSONRecordSplitter.Layout
        do {
            layout = try bytes.withUnsafeBufferPointer { buffer throws(JSONRecordSplitter.Failure) in
                try JSONRecordSplitter.split(buffer, key: "reactions")
            }
        } catch {
            throw .unreadable(path: path, reason: "not a synthesis JSON file: \(error.message) at byte \(error.offset)")
        }
        let schema = detectSchema(bytes, layout.records.first)
        let source = SourceDescriptor(kind: "synthesis", name: options.sourceName(for: path), layout: schema)
        var recorded = options.recorded
        recorded["layout"] = schema
        if let release = layout.topLevelStrings["release_date"] { recorded["release_date"] = release }
        var interpreter = SynthesisInterpreter(bindings: options.bindings)
        let outcome: IngestOutcome
        do {
            outcome = try store.ingest(source: source, file: IngestFileInfo(path: path, sha256: file.sha256, size: file.size),
                                       toolVersion: CurateVersion.current, parserVersion: parserVersion, options: recorded) { sink in
                for (number, range) in layout.records.enumerated() {
                    let raw = bytes.withUnsafeBufferPointer { Data(buffer: UnsafeBufferPointer(rebasing: $0[range])) }
                    try sink.append(interpreter.interpret(raw, index: number + 1))
                }
            }
        } catch {
            throw .store(path: path, underlying: String(describing: error))
        }
        switch outcome {
        case .completed(let summary):
            return IngestReport(status: "completed", sourceKind: source.kind, sourceName: source.name, layout: schema,
                                file: path, sha256: file.sha256, size: file.size, runId: summary.runId, read: summary.read,
                                stored: summary.stored, duplicates: summary.duplicates, quarantined: summary.quarantined,
                                quarantineByReason: summary.quarantineByReason, repairedFields: 0)
        case .unchanged(let previous):
            return IngestReport(status: "unchanged", sourceKind: source.kind, sourceName: source.name, layout: schema,
                                file: path, sha256: file.sha256, size: file.size, runId: previous.id, read: 0, stored: 0,
                                duplicates: 0, quarantined: 0, quarantineByReason: [:], repairedFields: 0)
        }
    }

    /// The file's bytes, decompressed when it is xz.
    static func load(path: String, limits: DecompressionLimits = .standard) throws(IngestError) -> [UInt8] {
        try RegularFile.refuseSpecial(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "cannot open the file")
        }
        let magic = (try? handle.read(upToCount: 6)).map { [UInt8]($0) } ?? []
        try? handle.close()
        if XZ.hasMagic(magic) {
            do {
                return try XZ.decompress(path: path, limits: limits)
            } catch {
                throw .unreadable(path: path, reason: error.description)
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read the file")
        }
        return [UInt8](data)
    }

    /// `synthesis-2020` when the first reaction has `synthesis_type`, else `solid-state-2019`.
    static func detectSchema(_ bytes: [UInt8], _ first: Range<Int>?) -> String {
        guard let first else { return "solid-state-2019" }
        let text = String(decoding: bytes[first], as: UTF8.self)
        return text.contains("\"synthesis_type\"") ? "synthesis-2020" : "solid-state-2019"
    }
}
