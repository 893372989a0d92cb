import CurateIO
import Chemistry
import Foundation
import Store

/// `curate ingest synthesis FILE`: text-mined synthesis reactions (the 2019 solid-state
/// release `{release_date, reactions: [...]}`, plain or xz-compressed, and the 2020 releases,
/// also as a bare list). One `synthesis_reaction` observation per reaction, of the target's
/// composition, with the structured recipe as metadata; rejects are quarantined with `synthesis.*` codes.
///
/// The whole (decompressed) file is held in memory and split into reactions by a byte scanner;
/// each reaction is decoded on its own (``SynthesisJSONReader``, falling back to Codable), on
/// every core with the records written in input order (``ParallelReactionInterpretation``), and
/// its exact JSON text is kept as the raw record.
public struct SynthesisIngester: SourceIngester {
    /// Version of the interpretation rules.
    public static let parserVersion = "synthesis-ingest/1 " + FormulaParser.version
    /// Version recorded with quarantine rows.
    public static let ruleVersion = "synthesis-ingest/1"

    public let kind = "synthesis"
    public let summary = "text-mined synthesis reactions JSON, 2019 or 2020 schema, optionally .xz"

    /// Creates the ingester.
    public init() {}

    /// Ingests the synthesis file at `path` into `store` in one transaction.
    public static func ingest(path: String, into store: CurateStore,
                              options: IngestOptions = IngestOptions()) throws(IngestError) -> IngestReport {
        try SynthesisIngester().ingest(path: path, options: options, into: store)
    }

    /// Loads the file and splits it into reactions; each is interpreted as the driver writes it.
    public func plan(path: String, parameters: SourceParameters, options: IngestOptions) throws(IngestError) -> IngestPlan {
        let bytes = try Self.load(path: path, limits: options.decompression)
        let layout: JSONRecordSplitter.Layout
        do {
            layout = try bytes.withUnsafeBufferPointer { buffer throws(JSONRecordSplitter.Failure) in
                try JSONRecordSplitter.split(buffer, key: "reactions")
            }
        } catch {
            throw .unreadable(path: path, reason: "not a synthesis JSON file: \(error.message) at byte \(error.offset)")
        }
        let schema = Self.detectSchema(bytes, layout.records.first)
        var recorded = ["layout": schema]
        if let release = layout.topLevelStrings["release_date"] { recorded["release_date"] = release }
        let interpretation = ParallelReactionInterpretation(bytes: bytes, records: layout.records, bindings: options.bindings)
        return IngestPlan(sourceKind: kind, layout: schema, parserVersion: Self.parserVersion, recorded: recorded) { sink in
            try interpretation.run { try sink.append($0) }
            return 0
        }
    }

    /// The file's bytes, decompressed when it is xz.
    static func load(path: String, limits: DecompressionLimits = .standard) throws(IngestError) -> [UInt8] {
        try RegularFile.refuseSpecial(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot open the file" : "no such file")
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
