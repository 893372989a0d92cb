import GRDB

/// The ordered, append-only list of schema migrations.
///
/// Rules: never edit or reorder a migration that has shipped; add a new one at the end.
/// Identifiers are `NNNN-what` so that they sort in application order and say what they do.
enum StoreMigrations {
    /// Every migration identifier, in the order it is applied.
    static var identifiers: [String] { migrator.migrations }

    /// The migrator that brings any earlier store up to the current schema.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("0001-sources") { db in try db.execute(sql: SchemaV1.sources) }
        migrator.registerMigration("0002-ingest-runs") { db in try db.execute(sql: SchemaV1.ingestRuns) }
        migrator.registerMigration("0003-raw-records") { db in try db.execute(sql: SchemaV1.rawRecords) }
        migrator.registerMigration("0004-materials") { db in try db.execute(sql: SchemaV1.materials) }
        migrator.registerMigration("0005-observations") { db in try db.execute(sql: SchemaV1.observations) }
        migrator.registerMigration("0006-quarantine") { db in try db.execute(sql: SchemaV1.quarantine) }
        migrator.registerMigration("0007-indexes") { db in try db.execute(sql: SchemaV1.indexes) }
        migrator.registerMigration("0008-raw-records-immutable") { db in
            try db.execute(sql: SchemaV1.rawRecordImmutability)
        }
        migrator.registerMigration("0009-curation") { db in try db.execute(sql: SchemaCuration.tables) }
        migrator.registerMigration("0010-hull-results") { db in try db.execute(sql: SchemaHull.tables) }
        migrator.registerMigration("0011-review") { db in try db.execute(sql: SchemaReview.tables) }
        migrator.registerMigration("0012-raw-record-bytes") { db in try db.execute(sql: SchemaRawBytes.column) }
        migrator.registerMigration("0013-flag-queue-index") { db in try db.execute(sql: SchemaFlagQueue.index) }
        migrator.registerMigration("0014-downloads") { db in try db.execute(sql: SchemaDownloads.table) }
        migrator.registerMigration("0015-flag-decisions") { db in try db.execute(sql: SchemaFlagDecisions.table) }
        migrator.registerMigration("0016-flag-producer-index") { db in try db.execute(sql: SchemaFlagProducerIndex.index) }
        return migrator
    }
}
