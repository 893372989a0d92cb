import Store

/// What an ingester made of its input, ready for ``IngestDriver`` to write as one ingest run.
///
/// Building a plan reads only what it must to refuse a bad input (a header, a layout, or the
/// whole document for JSON inputs); the records may still be streamed: `writeRecords` runs
/// inside the store's transaction.
public struct IngestPlan {
    /// Source kind recorded in the store, e.g. `supercon`.
    public var sourceKind: String
    /// Layout detected, recorded with the source and in the report.
    public var layout: String
    /// Version of the interpretation rules (part of the re-ingest identity).
    public var parserVersion: String
    /// Options recorded with the run on top of the common ones (``IngestOptions``' maximum
    /// record size and bindings), e.g. `layout`, `property`, `compression`.
    public var recorded: [String: String]
    /// The input's digest when the ingester computed it already (a CIF folder's digest of its
    /// files); `nil`: the driver hashes the file.
    public var input: IngestFileInfo?
    /// Appends every record, in input order, to the sink; returns how many fields were
    /// repaired on the way (mis-decoded UTF-8, PDF spaces).
    public var writeRecords: (inout IngestSink) throws -> Int

    /// Creates a plan.
    public init(sourceKind: String, layout: String, parserVersion: String, recorded: [String: String],
                input: IngestFileInfo? = nil, writeRecords: @escaping (inout IngestSink) throws -> Int) {
        self.sourceKind = sourceKind
        self.layout = layout
        self.parserVersion = parserVersion
        self.recorded = recorded
        self.input = input
        self.writeRecords = writeRecords
    }

    /// A plan whose records are all in memory already.
    public init(sourceKind: String, layout: String, parserVersion: String, recorded: [String: String],
                records: [PreparedRecord]) {
        self.init(sourceKind: sourceKind, layout: layout, parserVersion: parserVersion, recorded: recorded) { sink in
            for record in records { try sink.append(record) }
            return 0
        }
    }
}
