import Foundation
import GRDB
import XCTest
@testable import Store

/// Issue 17: a store written by an older `curate` migrates. Each committed fixture is a store
/// at an earlier schema version with real rows; opened by the current code it must migrate to
/// the latest schema with its content (and content hash) intact and stay usable.
final class SchemaMigrationTests: XCTestCase {
    func testEveryEarlierSchemaVersionMigratesWithItsContent() throws {
        let expectedHash = try String(contentsOf: SchemaFixtures.expectedHashFile, encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for version in SchemaFixtures.versions {
            let sql = try String(contentsOf: SchemaFixtures.file(version), encoding: .utf8)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curate-schema-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("old.sqlite").path
            let old = try DatabaseQueue(path: path)
            try old.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                try db.inTransaction {
                    try db.execute(sql: sql)
                    return .commit
                }
            }
            let before = try old.read { db in
                (try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM raw_records") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observations") ?? 0)
            }
            try old.close()
            XCTAssertEqual(before.0.last, version, "the fixture stops at \(version)")
            XCTAssertGreaterThan(before.1, 50, "\(version): real rows")

            let store = try CurateStore(path: path)
            XCTAssertEqual(try store.appliedMigrations(), StoreMigrations.identifiers, version)
            XCTAssertEqual(try store.contentHash(), expectedHash, "\(version): content survives the migration")
            let stats = try store.stats()
            XCTAssertEqual(stats.observationsByProperty.reduce(0) { $0 + $1.count }, before.2, version)
            XCTAssertEqual(try store.runs().filter { $0.status == "completed" }.count, 2, version)
            let integrity = try store.queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            XCTAssertEqual(integrity, ["ok"], version)
            let foreignKeys = try store.queue.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
            XCTAssertEqual(foreignKeys.count, 0, version)
            // And it stays writable: a new ingest completes on the migrated store.
            let outcome = try Fixtures.ingest(store, Fixtures.mixedBatch, sha: "after-\(version)")
            XCTAssertEqual(Fixtures.summary(outcome)?.read, 6, version)
        }
    }
}

/// Writes the fixtures when `CURATE_SCHEMA_SOURCE` names a source store (run by
/// `scripts/make-schema-fixtures.sh`); without it, it checks only that the fixtures exist.
final class SchemaFixtureWriter: XCTestCase {
    func testWriteFixtures() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let source = environment["CURATE_SCHEMA_SOURCE"] else {
            for version in SchemaFixtures.versions {
                XCTAssertTrue(FileManager.default.fileExists(atPath: SchemaFixtures.file(version).path), version)
            }
            return
        }
        let out = environment["CURATE_SCHEMA_FIXTURES_OUT"].map { URL(fileURLWithPath: $0) } ?? SchemaFixtures.directory
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for version in SchemaFixtures.versions {
            let target = out.appendingPathComponent("store-\(version).sql")
            try SchemaFixtures.make(version: version, source: source).write(to: target, atomically: true, encoding: .utf8)
            print("wrote \(target.path)")
        }
        let hash = try CurateStore(path: source, access: .existing).contentHash()
        try (hash + "\n").write(to: out.appendingPathComponent("content-hash.txt"), atomically: true, encoding: .utf8)
    }
}
