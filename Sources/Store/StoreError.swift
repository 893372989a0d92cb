/// Everything the store reports as a failure. Each case carries enough context to say what
/// went wrong and where, and ``description`` renders it as one readable sentence.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The parent directory of the store file could not be created.
    case cannotCreateDirectory(path: String, reason: String)
    /// The file could not be opened as an SQLite database (missing permissions, not a database…).
    case cannotOpen(path: String, reason: String)
    /// The file was migrated by a newer `curate` that knows migrations this build does not.
    case newerSchema(path: String, unknownMigrations: [String])
    /// Applying the schema migrations failed.
    case migrationFailed(path: String, reason: String)
    /// SQLite refused an operation (constraint, I/O, busy…); `operation` says what the store was doing.
    case database(operation: String, reason: String)
    /// A record handed to ``IngestSink/append(_:)`` is malformed; nothing of it was written.
    case invalidRecord(locator: String, reason: String)
    /// An argument to a query is out of range.
    case invalidArgument(name: String, reason: String)
    /// The source already exists with a different layout.
    case sourceLayoutConflict(kind: String, name: String, recorded: String, requested: String)
    /// An ``IngestSink`` was used outside the `ingest` call that created it, or after a write failed.
    case sinkUnusable(reason: String)
    /// A store method was called from inside an `ingest` body on the same store.
    case reentrantAccess(operation: String)
    /// A stored row did not have the shape the schema promises.
    case corruptRow(table: String, reason: String)

    public var description: String {
        switch self {
        case let .cannotCreateDirectory(path, reason):
            return "cannot create the directory for store \(path): \(reason)"
        case let .cannotOpen(path, reason):
            return "cannot open store \(path): \(reason)"
        case let .newerSchema(path, unknown):
            return "store \(path) was written by a newer curate (unknown migrations: \(unknown.joined(separator: ", "))); upgrade curate"
        case let .migrationFailed(path, reason):
            return "cannot migrate store \(path): \(reason)"
        case let .database(operation, reason):
            return "store error while \(operation): \(reason)"
        case let .invalidRecord(locator, reason):
            return "invalid record at \(locator): \(reason)"
        case let .invalidArgument(name, reason):
            return "invalid argument \(name): \(reason)"
        case let .sourceLayoutConflict(kind, name, recorded, requested):
            return "source \(kind)/\(name) is recorded with layout '\(recorded)' but this ingest says '\(requested)'; use a different source name"
        case let .sinkUnusable(reason):
            return "ingest sink unusable: \(reason)"
        case let .reentrantAccess(operation):
            return "\(operation) called from inside an ingest body on the same store; use the sink instead"
        case let .corruptRow(table, reason):
            return "unexpected row in \(table): \(reason)"
        }
    }
}
