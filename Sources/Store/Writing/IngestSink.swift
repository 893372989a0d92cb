/// The write end handed to an `ingest` body. Each ``append(_:)`` writes one record inside the
/// ingest's transaction. A sink is only valid during the body that received it.
public struct IngestSink {
    let writer: IngestWriter

    /// Writes one record: a raw row always, plus an observation (or a duplicate mark) or a
    /// quarantine row.
    ///
    /// - Throws: ``StoreError/invalidRecord(locator:reason:)`` when the record is malformed
    ///   (nothing of it is written and the sink stays usable);
    ///   ``StoreError/database(operation:reason:)`` when SQLite refuses a write (the sink is then
    ///   unusable and the ingest fails and rolls back); ``StoreError/sinkUnusable(reason:)``
    ///   when used after either of those or outside its body.
    public mutating func append(_ record: PreparedRecord) throws {
        try writer.append(record)
    }

    /// Records appended so far in this run.
    public var readCount: Int { writer.read }
}
