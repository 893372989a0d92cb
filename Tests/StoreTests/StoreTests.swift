import CurateIO
import Foundation
import GRDB
import XCTest
@testable import Store

final class StoreTests: XCTestCase {
    private let expectedMigrations = [
        "0001-sources", "0002-ingest-runs", "0003-raw-records", "0004-materials",
        "0005-observations", "0006-quarantine", "0007-indexes", "0008-raw-records-immutable",
        "0009-curation", "0010-hull-results", "0011-review", "0012-raw-record-bytes",
        "0013-flag-queue-index",
        "0014-downloads",
        "0015-flag-decisions",
        "0016-flag-producer-index",
    ]

    // MARK: - Migrations and opening

    func testMigrationsApplyOnFreshFileAndReopenIsIdempotent() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nested/deeper/curate.sqlite").path

        var store: CurateStore? = try CurateStore(path: path)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path), "parent directories and file are created")
        XCTAssertEqual(try store?.appliedMigrations(), expectedMigrations)
        try Fixtures.ingest(XCTUnwrap(store), Fixtures.mixedBatch, sha: "aa")
        let hash = try XCTUnwrap(store).contentHash()
        let counts = try Fixtures.rowCounts(XCTUnwrap(store))
        store = nil

        let reopened = try CurateStore(path: path)
        XCTAssertEqual(try reopened.appliedMigrations(), expectedMigrations)
        XCTAssertEqual(try reopened.contentHash(), hash, "re-opening must not alter content")
        XCTAssertEqual(try Fixtures.rowCounts(reopened), counts)
        let migrationRows = try reopened.queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM grdb_migrations") }
        XCTAssertEqual(migrationRows, expectedMigrations.count, "no migration recorded twice")
    }

    func testOpeningAFileThatIsNotADatabaseThrowsCannotOpen() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try CurateStore(path: path)) { error in
            guard case StoreError.cannotOpen(let errorPath, _)? = error as? StoreError else {
                return XCTFail("expected cannotOpen, got \(error)")
            }
            XCTAssertEqual(errorPath, path)
        }
    }

    func testStoreMigratedByANewerCurateIsRefused() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("curate.sqlite").path
        do {
            let store = try CurateStore(path: path)
            try store.queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999-from-the-future')")
            }
        }
        XCTAssertThrowsError(try CurateStore(path: path)) { error in
            XCTAssertEqual(error as? StoreError, .newerSchema(path: path, unknownMigrations: ["9999-from-the-future"]))
        }
    }

    // MARK: - Ingest counts

    func testIngestCountsReconcile() throws {
        let store = try CurateStore.inMemory()
        let summary = try XCTUnwrap(Fixtures.summary(Fixtures.ingest(store, Fixtures.mixedBatch, sha: "aa")))

        XCTAssertEqual(summary.read, 6)
        XCTAssertEqual(summary.stored, 3)
        XCTAssertEqual(summary.duplicates, 1)
        XCTAssertEqual(summary.quarantined, 2)
        XCTAssertEqual(summary.quarantineByReason, ["formula.unknown_element": 1, "value.unparseable": 1])
        XCTAssertTrue(summary.reconciles)

        let runs = try store.runs()
        XCTAssertEqual(runs.count, 1)
        let run = try XCTUnwrap(runs.first)
        XCTAssertEqual(run.id, summary.runId)
        XCTAssertEqual(run.status, "completed")
        XCTAssertNotNil(run.finishedAt)
        XCTAssertEqual([run.readCount, run.storedCount, run.duplicateCount, run.quarantinedCount], [6, 3, 1, 2])
        XCTAssertEqual(run.options, ["delimiter": ","])
        XCTAssertEqual(run.fileSha256, "aa")
        XCTAssertEqual(run.sourceLayout, "stanev")

        let counts = try Fixtures.rowCounts(store)
        XCTAssertEqual(counts["raw_records"], 6)
        XCTAssertEqual(counts["observations"], 3)
        XCTAssertEqual(counts["quarantine"], 2)
        XCTAssertEqual(counts["materials"], 2, "YBa2Cu3O7 twice and MgB2 once share two materials")

        let stats = try store.stats()
        XCTAssertEqual(stats.sources, [SourceStats(kind: "supercon", name: "stanev-2018", layout: "stanev", runs: 1,
                                                   rawRecords: 6, observations: 3, duplicates: 1, quarantined: 2)])
        XCTAssertEqual(stats.observationsByProperty, [PropertyQualifierCount(property: "tc", qualifier: "exact", count: 3)])
        XCTAssertEqual(stats.quarantineByReason, [ReasonCount(reasonCode: "formula.unknown_element", count: 1),
                                                  ReasonCount(reasonCode: "value.unparseable", count: 1)])
        XCTAssertEqual(stats.materialCount, 2)

        let ybco = try store.observations(canonicalKey: "key:YBa2Cu3O7")
        XCTAssertEqual(ybco.map(\.value), [92, 93])
        XCTAssertEqual(ybco.map(\.locator), ["line 2", "line 6"])
        XCTAssertEqual(ybco.first?.filePath, "data/supercon.csv")
        XCTAssertEqual(ybco.first?.reducedFormula, "YBa2Cu3O7")
        XCTAssertEqual(ybco.first?.conditionsJSON, #"{"pressure_gpa":0}"#)
        XCTAssertEqual(try store.material(canonicalKey: "key:MgB2")?.hillFormula, "hill:MgB2")
        XCTAssertNil(try store.material(canonicalKey: "key:nothing"))
    }

    func testEmptyIngestIsACompletedRunWithZeroCounts() throws {
        let store = try CurateStore.inMemory()
        let summary = try XCTUnwrap(Fixtures.summary(Fixtures.ingest(store, [], sha: "empty")))
        XCTAssertEqual([summary.read, summary.stored, summary.duplicates, summary.quarantined], [0, 0, 0, 0])
        XCTAssertEqual(try store.runs().count, 1)
    }

    // MARK: - Duplicates

    func testDuplicatesWithinARunAndAcrossRunsPointAtTheOriginal() throws {
        let store = try CurateStore.inMemory()
        let first = try XCTUnwrap(Fixtures.summary(Fixtures.ingest(store, [
            Fixtures.observation("MgB2", tc: 39, dedup: "A", line: 1),
            Fixtures.observation("MgB2", tc: 40, dedup: "A", line: 2),
        ], sha: "file-1")))
        XCTAssertEqual([first.stored, first.duplicates], [1, 1])

        let second = try XCTUnwrap(Fixtures.summary(Fixtures.ingest(store, [
            Fixtures.observation("MgB2", tc: 41, dedup: "A", line: 1),
            Fixtures.observation("NbTi", tc: 9, dedup: "B", line: 2),
        ], sha: "file-2")))
        XCTAssertEqual([second.stored, second.duplicates], [1, 1])

        let raw = try store.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT run_id, disposition, duplicate_of_observation_id FROM raw_records ORDER BY id")
        }
        let originalId = try store.queue.read { db in
            try Int.fetchOne(db, sql: "SELECT id FROM observations WHERE dedup_key = 'A'")
        }
        XCTAssertEqual(raw.map { $0["disposition"] as String? }, ["stored", "duplicate", "duplicate", "stored"])
        XCTAssertEqual(raw[1]["duplicate_of_observation_id"] as Int?, originalId)
        XCTAssertEqual(raw[2]["duplicate_of_observation_id"] as Int?, originalId, "cross-run duplicate points at run 1's observation")
        XCTAssertEqual(raw[2]["run_id"] as Int?, second.runId)
        XCTAssertNil(raw[3]["duplicate_of_observation_id"] as Int?)
        XCTAssertEqual(try store.observations(canonicalKey: "key:MgB2").map(\.value), [39], "duplicates add no observation")
    }

    func testSameDedupKeyInAnotherSourceIsNotADuplicate() throws {
        let store = try CurateStore.inMemory()
        try Fixtures.ingest(store, [Fixtures.observation("MgB2", tc: 39, dedup: "A", line: 1)], sha: "x")
        let other = try XCTUnwrap(Fixtures.summary(Fixtures.ingest(
            store, [Fixtures.observation("MgB2", tc: 39, dedup: "A", line: 1)], source: Fixtures.mdr, sha: "x")))
        XCTAssertEqual([other.stored, other.duplicates], [1, 0])
        XCTAssertEqual(try store.stats().materialCount, 1, "the material is shared across sources")
        XCTAssertEqual(try store.observations(canonicalKey: "key:MgB2").map(\.sourceName), ["stanev-2018", "mdr-2022"])
    }

    func testMaterialFromAnEarlierRunIsReusedNotDuplicated() throws {
        let store = try CurateStore.inMemory()
        try Fixtures.ingest(store, [Fixtures.observation("MgB2", tc: 39, line: 1)], sha: "1")
        try Fixtures.ingest(store, [Fixtures.quarantined("q", line: 1), Fixtures.observation("MgB2", tc: 38, line: 2)], sha: "2")
        let materialIds = try store.queue.read { db in
            try Int.fetchAll(db, sql: "SELECT material_id FROM observations ORDER BY id")
        }
        let material = try XCTUnwrap(store.material(canonicalKey: "key:MgB2"))
        XCTAssertEqual(materialIds, [material.id, material.id])
        XCTAssertEqual(try store.stats().materialCount, 1)
    }

    // MARK: - Unchanged files

    func testSameFileAndParserVersionIsUnchangedAndWritesNothing() throws {
        let store = try CurateStore.inMemory()
        let firstOutcome = try Fixtures.ingest(store, Fixtures.mixedBatch, sha: "same")
        let hash = try store.contentHash()
        let counts = try Fixtures.rowCounts(store)
        let runs = try store.runs()

        var bodyCalled = false
        let outcome = try store.ingest(source: Fixtures.supercon, file: Fixtures.file("same", path: "elsewhere.csv"),
                                       toolVersion: "0.2.0", parserVersion: "p1", options: [:]) { sink in
            bodyCalled = true
            try sink.append(Fixtures.observation("NbTi", tc: 9, line: 1))
        }
        guard case .unchanged(let previous) = outcome else { return XCTFail("expected unchanged, got \(outcome)") }
        XCTAssertEqual(previous, runs.first)
        XCTAssertEqual(previous.id, Fixtures.summary(firstOutcome)?.runId)
        XCTAssertFalse(bodyCalled)
        XCTAssertEqual(try store.contentHash(), hash)
        XCTAssertEqual(try Fixtures.rowCounts(store), counts)
        XCTAssertEqual(try store.runs(), runs)
    }

    func testNewParserVersionOrOtherSourceReingestsTheSameFile() throws {
        let store = try CurateStore.inMemory()
        try Fixtures.ingest(store, Fixtures.mixedBatch, sha: "same")
        let reparsed = try XCTUnwrap(Fixtures.summary(Fixtures.ingest(store, Fixtures.mixedBatch, sha: "same", parserVersion: "p2")))
        XCTAssertEqual([reparsed.stored, reparsed.duplicates, reparsed.quarantined], [0, 4, 2],
                       "same dedup keys: every observation is now a duplicate")
        let otherSource = try Fixtures.ingest(store, Fixtures.mixedBatch, source: Fixtures.mdr, sha: "same")
        XCTAssertEqual(Fixtures.summary(otherSource)?.stored, 3)
        XCTAssertEqual(try store.runs().count, 3)
    }

    // MARK: - Rollback

    func testBodyThrowingHalfwayRollsBackEverything() throws {
        let store = try CurateStore.inMemory()
        try Fixtures.ingest(store, Fixtures.mixedBatch, sha: "first")
        let hash = try store.contentHash()
        let counts = try Fixtures.rowCounts(store)
        let stats = try store.stats()

        XCTAssertThrowsError(try store.ingest(source: Fixtures.mdr, file: Fixtures.file("second"), toolVersion: "0.1.0",
                                              parserVersion: "p1", options: [:]) { sink in
            for (index, record) in Fixtures.mixedBatch.enumerated() {
                if index == 3 { throw BodyFailure(at: index) }
                try sink.append(record)
            }
        }) { error in
            XCTAssertEqual(error as? BodyFailure, BodyFailure(at: 3), "the body's own error is rethrown unchanged")
        }
        XCTAssertEqual(try store.contentHash(), hash)
        XCTAssertEqual(try Fixtures.rowCounts(store), counts)
        XCTAssertEqual(try store.stats(), stats, "the new source must not survive either")
        XCTAssertEqual(try store.runs().count, 1)

        // The store stays usable and the failed file is not considered ingested.
        let retry = try Fixtures.ingest(store, Fixtures.mixedBatch, source: Fixtures.mdr, sha: "second")
        XCTAssertEqual(Fixtures.summary(retry)?.read, 6)
    }

    func testInvalidRecordIsRejectedAloneAndTheSinkStaysUsable() throws {
        let store = try CurateStore.inMemory()
        var rejection: StoreError?
        let outcome = try store.ingest(source: Fixtures.supercon, file: Fixtures.file("f"), toolVersion: "t",
                                       parserVersion: "p", options: [:]) { sink in
            try sink.append(Fixtures.observation("MgB2", tc: 39, line: 1))
            do {
                try sink.append(Fixtures.observation("NbTi", tc: .nan, line: 2))
            } catch let error as StoreError {
                rejection = error
            }
            try sink.append(Fixtures.observation("Nb3Sn", tc: 18, line: 3))
        }
        guard case .invalidRecord(let locator, _)? = rejection else { return XCTFail("expected invalidRecord, got \(String(describing: rejection))") }
        XCTAssertEqual(locator, "line 2")
        XCTAssertEqual(Fixtures.summary(outcome)?.read, 2)
        XCTAssertEqual(try Fixtures.rowCounts(store)["raw_records"], 2)
    }

    func testWriteFailureMakesTheSinkUnusableAndFailsTheIngest() throws {
        let store = try CurateStore.inMemory()
        // A temporary trigger stands in for any SQLite failure (disk full, I/O error…).
        try store.queue.write { db in
            try db.execute(sql: """
                CREATE TEMP TRIGGER inject_failure BEFORE INSERT ON main.observations
                WHEN NEW.formula_as_written = 'NbTi'
                BEGIN SELECT RAISE(ABORT, 'injected failure'); END
                """)
        }
        let before = try store.contentHash()
        var firstError: StoreError?
        var secondError: StoreError?
        XCTAssertThrowsError(try store.ingest(source: Fixtures.supercon, file: Fixtures.file("f"), toolVersion: "t",
                                              parserVersion: "p", options: [:]) { sink in
            try sink.append(Fixtures.observation("MgB2", tc: 39, line: 1))
            do { try sink.append(Fixtures.observation("NbTi", tc: 9, line: 2)) }
            catch let error as StoreError { firstError = error }
            do { try sink.append(Fixtures.observation("Nb3Sn", tc: 18, line: 3)) }
            catch let error as StoreError { secondError = error }
        }) { error in
            guard case StoreError.database? = error as? StoreError else { return XCTFail("expected database error, got \(error)") }
        }
        guard case .database(_, let reason)? = firstError else { return XCTFail("expected database error, got \(String(describing: firstError))") }
        XCTAssertTrue(reason.contains("injected failure"), reason)
        guard case .sinkUnusable? = secondError else { return XCTFail("expected sinkUnusable, got \(String(describing: secondError))") }
        XCTAssertEqual(try store.contentHash(), before)
        XCTAssertEqual(try Fixtures.rowCounts(store).values.reduce(0, +), 0)

        // The failed statement leaves nothing behind: the next ingest works.
        let retry = try Fixtures.ingest(store, [Fixtures.observation("MgB2", tc: 39, line: 1)], sha: "f")
        XCTAssertEqual(Fixtures.summary(retry)?.stored, 1)
    }

    func testFirstDefinitionOfAMaterialWins() throws {
        let store = try CurateStore.inMemory()
        try Fixtures.ingest(store, [Fixtures.observation("MgB2", tc: 39, line: 1)], sha: "1")
        var redefined = Fixtures.material("MgB2")
        redefined.hillFormula = "something else"
        let record = PreparedRecord(locator: "line 1", line: 1, rawContent: "x", outcome: .observation(PreparedObservation(
            material: redefined, formulaAsWritten: "MgB2", compositionJSON: "{}", property: "tc", value: 38,
            unit: "K", qualifier: "exact", valueAsReported: "38", conditionsJSON: nil, metadataJSON: nil, dedupKey: "other")))
        try Fixtures.ingest(store, [record], sha: "2")
        XCTAssertEqual(try store.material(canonicalKey: "key:MgB2")?.hillFormula, "hill:MgB2")
        XCTAssertEqual(try store.observations(canonicalKey: "key:MgB2").map(\.value), [39, 38])
    }

    func testSinkUsedAfterItsIngestThrowsInsteadOfWriting() throws {
        let store = try CurateStore.inMemory()
        var escaped: IngestSink?
        _ = try store.ingest(source: Fixtures.supercon, file: Fixtures.file("f"), toolVersion: "t",
                         parserVersion: "p", options: [:]) { sink in escaped = sink }
        var sink = try XCTUnwrap(escaped)
        XCTAssertThrowsError(try sink.append(Fixtures.observation("MgB2", line: 1))) { error in
            guard case StoreError.sinkUnusable? = error as? StoreError else { return XCTFail("got \(error)") }
        }
    }

    func testCallingTheStoreFromInsideTheBodyThrowsInsteadOfDeadlocking() throws {
        let store = try CurateStore.inMemory()
        XCTAssertThrowsError(try store.ingest(source: Fixtures.supercon, file: Fixtures.file("f"), toolVersion: "t",
                                              parserVersion: "p", options: [:]) { _ in _ = try store.stats() }) { error in
            XCTAssertEqual(error as? StoreError, .reentrantAccess(operation: "computing stats"))
        }
        XCTAssertEqual(try store.runs().count, 0)
        // Another store may be used from inside the body.
        let other = try CurateStore.inMemory()
        _ = try store.ingest(source: Fixtures.supercon, file: Fixtures.file("f"), toolVersion: "t",
                         parserVersion: "p", options: [:]) { _ in XCTAssertEqual(try other.runs().count, 0) }
    }

    func testSourceWithAnotherLayoutIsRefused() throws {
        let store = try CurateStore.inMemory()
        try Fixtures.ingest(store, [], sha: "1")
        let relabelled = SourceDescriptor(kind: "supercon", name: "stanev-2018", layout: "mdr")
        XCTAssertThrowsError(try Fixtures.ingest(store, [], source: relabelled, sha: "2")) { error in
            XCTAssertEqual(error as? StoreError, .sourceLayoutConflict(kind: "supercon", name: "stanev-2018",
                                                                       recorded: "stanev", requested: "mdr"))
        }
        XCTAssertEqual(try store.runs().count, 1)
    }

    // MARK: - Schema guards

    func testRawRecordContentAndLocatorAreImmutable() throws {
        let store = try CurateStore.inMemory()
        try Fixtures.ingest(store, Fixtures.mixedBatch, sha: "aa")
        for assignment in ["content = 'tampered'", "locator = 'line 999'", "line = 999"] {
            XCTAssertThrowsError(try store.queue.write { db in
                try db.execute(sql: "UPDATE raw_records SET \(assignment) WHERE id = 1")
            }) { error in
                XCTAssertTrue((error as? DatabaseError)?.message?.contains("immutable") ?? false, "\(assignment): \(error)")
            }
        }
        let content = try store.queue.read { db in try String.fetchOne(db, sql: "SELECT content FROM raw_records WHERE id = 1") }
        XCTAssertEqual(content, "2,YBa2Cu3O7,92.0")
    }

    func testRunCountsMustReconcileInTheSchema() throws {
        let store = try CurateStore.inMemory()
        try Fixtures.ingest(store, Fixtures.mixedBatch, sha: "aa")
        XCTAssertThrowsError(try store.queue.write { db in
            try db.execute(sql: "UPDATE ingest_runs SET read_count = read_count + 1")
        })
        XCTAssertThrowsError(try store.queue.write { db in
            try db.execute(sql: "UPDATE raw_records SET disposition = 'duplicate' WHERE disposition = 'stored'")
        }, "a duplicate must point at its original")
    }

    func testDocumentedInvariantQueriesFindNoViolations() throws {
        let store = try CurateStore.inMemory()
        try Fixtures.ingest(store, Fixtures.mixedBatch, sha: "1")
        try Fixtures.ingest(store, Fixtures.mixedBatch + [Fixtures.observation("NbTi", tc: 9, line: 8)], sha: "2")
        try Fixtures.ingest(store, Fixtures.mixedBatch, source: Fixtures.mdr, sha: "1")
        // The checks of schemas/store.md, section "Invariants"; each must return no rows.
        let checks = [
            """
            SELECT r.id FROM ingest_runs r WHERE r.read_count <> (SELECT COUNT(*) FROM raw_records WHERE run_id = r.id)
              OR r.stored_count <> (SELECT COUNT(*) FROM observations WHERE run_id = r.id)
              OR r.quarantined_count <> (SELECT COUNT(*) FROM quarantine WHERE run_id = r.id)
              OR r.duplicate_count <> (SELECT COUNT(*) FROM raw_records WHERE run_id = r.id AND disposition = 'duplicate')
            """,
            """
            SELECT rr.id FROM raw_records rr
            WHERE (rr.disposition = 'stored') <> EXISTS (SELECT 1 FROM observations o WHERE o.raw_record_id = rr.id)
               OR (rr.disposition = 'quarantined') <> EXISTS (SELECT 1 FROM quarantine q WHERE q.raw_record_id = rr.id)
            """,
            """
            SELECT rr.id FROM raw_records rr JOIN observations o ON o.id = rr.duplicate_of_observation_id
            WHERE o.source_id <> rr.source_id OR o.raw_record_id >= rr.id
            """,
            """
            SELECT o.id FROM observations o JOIN raw_records rr ON rr.id = o.raw_record_id
            WHERE o.run_id <> rr.run_id OR o.source_id <> rr.source_id
            """,
            """
            SELECT q.id FROM quarantine q JOIN raw_records rr ON rr.id = q.raw_record_id
            WHERE q.run_id <> rr.run_id OR q.source_id <> rr.source_id
            """,
            "SELECT rr.id FROM raw_records rr JOIN ingest_runs r ON r.id = rr.run_id WHERE rr.source_id <> r.source_id",
            "SELECT id FROM ingest_runs WHERE status <> 'completed'",
            "SELECT id FROM observations WHERE NOT json_valid(composition_json)",
        ]
        let violations = try store.queue.read { db in
            try checks.map { try Int.fetchAll(db, sql: $0) }
        }
        XCTAssertEqual(violations, Array(repeating: [], count: checks.count))
        XCTAssertEqual(try store.queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM raw_records") }, 19,
                       "the checks ran over a non-trivial store")
    }

    // MARK: - Quarantine listing

    func testQuarantineListingFilters() throws {
        let store = try CurateStore.inMemory()
        try Fixtures.ingest(store, [
            Fixtures.quarantined("formula.unknown_element", line: 1),
            Fixtures.quarantined("value.unparseable", line: 2, field: "tc", position: 4),
            Fixtures.observation("MgB2", line: 3),
        ], sha: "a")
        try Fixtures.ingest(store, [
            Fixtures.quarantined("formula.unknown_element", line: 10, field: nil, position: nil),
        ], source: SourceDescriptor(kind: "oqmd", name: "oqmd-1.6", layout: "json"), sha: "b")

        XCTAssertEqual(try store.quarantineEntries(reasonCode: nil, source: nil, limit: nil).map(\.line), [1, 2, 10])
        XCTAssertEqual(try store.quarantineEntries(reasonCode: "formula.unknown_element", source: nil, limit: nil).map(\.line), [1, 10])
        XCTAssertEqual(try store.quarantineEntries(reasonCode: nil, source: "stanev-2018", limit: nil).map(\.line), [1, 2])
        XCTAssertEqual(try store.quarantineEntries(reasonCode: nil, source: "oqmd", limit: nil).map(\.line), [10])
        XCTAssertEqual(try store.quarantineEntries(reasonCode: nil, source: "supercon/stanev-2018", limit: nil).count, 2)
        XCTAssertEqual(try store.quarantineEntries(reasonCode: "value.unparseable", source: "oqmd", limit: nil), [])
        XCTAssertEqual(try store.quarantineEntries(reasonCode: nil, source: nil, limit: 2).map(\.line), [1, 2])
        XCTAssertEqual(try store.quarantineEntries(reasonCode: nil, source: nil, limit: 0), [])
        XCTAssertThrowsError(try store.quarantineEntries(reasonCode: nil, source: nil, limit: -1)) { error in
            guard case StoreError.invalidArgument(let name, _)? = error as? StoreError else { return XCTFail("got \(error)") }
            XCTAssertEqual(name, "limit")
        }

        let entry = try XCTUnwrap(store.quarantineEntries(reasonCode: "value.unparseable").first)
        XCTAssertEqual(entry.sourceKind, "supercon")
        XCTAssertEqual(entry.sourceName, "stanev-2018")
        XCTAssertEqual(entry.filePath, "data/supercon.csv")
        XCTAssertEqual(entry.locator, "line 2")
        XCTAssertEqual(entry.rawContent, "2,Xx2O,??")
        XCTAssertEqual(entry.message, "rejected by value.unparseable")
        XCTAssertEqual(entry.field, "tc")
        XCTAssertEqual(entry.position, 4)
        XCTAssertEqual(entry.ruleVersion, "rules-1")
        let oqmd = try XCTUnwrap(store.quarantineEntries(source: "oqmd").first)
        XCTAssertNil(oqmd.field)
        XCTAssertNil(oqmd.position)
    }

    // MARK: - Content hash

    func testContentHashIsDeterministicAcrossStoresAndSensitiveToContent() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fileStore = try CurateStore(path: dir.appendingPathComponent("a.sqlite").path)
        let memoryStore = try CurateStore.inMemory()
        for store in [fileStore, memoryStore] {
            try Fixtures.ingest(store, Fixtures.mixedBatch, sha: "1")
            try Fixtures.ingest(store, [Fixtures.observation("NbTi", tc: nil, qualifier: "not_superconducting", line: 1)],
                                source: Fixtures.mdr, sha: "2")
        }
        let hash = try fileStore.contentHash()
        XCTAssertEqual(hash.count, 64)
        XCTAssertTrue(hash.allSatisfy { "0123456789abcdef".contains($0) })
        XCTAssertEqual(try memoryStore.contentHash(), hash, "timestamps and paths differ; content does not")

        let different = try CurateStore.inMemory()
        var batch = Fixtures.mixedBatch
        batch[4] = Fixtures.observation("YBa2Cu3O7", tc: 93.000001, dedup: "YBa2Cu3O7|93.0", line: 6)
        try Fixtures.ingest(different, batch, sha: "1")
        try Fixtures.ingest(different, [Fixtures.observation("NbTi", tc: nil, qualifier: "not_superconducting", line: 1)],
                            source: Fixtures.mdr, sha: "2")
        XCTAssertNotEqual(try different.contentHash(), hash, "a changed value must change the hash")
        XCTAssertNotEqual(try CurateStore.inMemory().contentHash(), hash)
    }

    func testContentHashOfAnEmptyStoreIsTheHashOfTheBareDump() throws {
        let expected = SHA256Hasher.hex(of: "curate-content v1\ntable sources\ntable materials\ntable raw_records\ntable observations\ntable quarantine\n")
        XCTAssertEqual(try CurateStore.inMemory().contentHash(), expected)
    }

    // MARK: - Codable output

    func testSummaryEncodesWithStableCamelCaseKeys() throws {
        let summary = IngestSummary(runId: 7, read: 3, stored: 1, duplicates: 1, quarantined: 1,
                                    quarantineByReason: ["x": 1])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(summary), as: UTF8.self)
        XCTAssertEqual(json, #"{"duplicates":1,"quarantineByReason":{"x":1},"quarantined":1,"read":3,"runId":7,"stored":1}"#)
    }
}
