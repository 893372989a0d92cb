import Foundation
import XCTest
@testable import Store

/// Issue 17 item 5: a second writer queues behind the first (WAL + busy timeout), says that it
/// is waiting, and both complete; readers are not blocked meanwhile.
final class ConcurrentWriterTests: XCTestCase {
    private final class Notices: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func append(_ line: String) { lock.withLock { lines.append(line) } }
        var all: [String] { lock.withLock { lines } }
    }

    private func temporaryStorePath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curate-writers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory.appendingPathComponent("store.sqlite").path
    }

    /// Runs an ingest on `store` that holds the write lock for `hold` seconds; signals `started`
    /// once it holds it.
    private static func slowIngest(_ store: CurateStore, sha: String, hold: TimeInterval, started: DispatchSemaphore) throws -> IngestOutcome {
        try store.ingest(source: Fixtures.supercon, file: Fixtures.file(sha), toolVersion: "t", parserVersion: "p",
                         options: [:]) { sink in
            try sink.append(Fixtures.observation("MgB2", tc: 39, line: 1))
            started.signal()
            Thread.sleep(forTimeInterval: hold)
        }
    }

    func testSecondWriterWaitsAndBothComplete() throws {
        let path = try temporaryStorePath()
        let notices = Notices()
        let first = try CurateStore(path: path, access: StoreAccess(onWait: nil))
        let second = try CurateStore(path: path, access: StoreAccess(busyTimeout: 30, noticeDelay: 0.1, onWait: { notices.append($0) }))
        let reader = try CurateStore(path: path, access: StoreAccess(createIfMissing: false, onWait: nil))
        let started = DispatchSemaphore(value: 0)
        let firstResult = LockedResult()
        let thread = Thread {
            firstResult.set(Result { try Self.slowIngest(first, sha: "first", hold: 1.5, started: started) })
        }
        thread.start()
        XCTAssertEqual(started.wait(timeout: .now() + 30), .success)
        // A reader is not blocked by the open write transaction.
        let readStart = Date()
        XCTAssertEqual(try reader.runs().count, 0)
        XCTAssertLessThan(Date().timeIntervalSince(readStart), 0.5)
        let waitStart = Date()
        let outcome = try Fixtures.ingest(second, Fixtures.mixedBatch, sha: "second")
        XCTAssertGreaterThan(Date().timeIntervalSince(waitStart), 0.5, "the second writer waited for the first")
        XCTAssertEqual(Fixtures.summary(outcome)?.read, 6)
        XCTAssertEqual(firstResult.wait().flatMap { Fixtures.summary($0)?.read }, 1)
        XCTAssertEqual(notices.all.count, 1, "\(notices.all)")
        XCTAssertTrue(notices.all.first?.contains("waiting up to 30 s") ?? false, "\(notices.all)")
        XCTAssertTrue(notices.all.first?.contains("--busy-timeout") ?? false)
        XCTAssertEqual(try reader.runs().filter { $0.status == "completed" }.count, 2)
    }

    func testAWriterGivesUpAfterTheBusyTimeoutNamingTheOption() throws {
        let path = try temporaryStorePath()
        let first = try CurateStore(path: path, access: StoreAccess(onWait: nil))
        let impatient = try CurateStore(path: path, access: StoreAccess(busyTimeout: 0.3, onWait: nil))
        let started = DispatchSemaphore(value: 0)
        let firstResult = LockedResult()
        Thread { firstResult.set(Result { try Self.slowIngest(first, sha: "first", hold: 2, started: started) }) }.start()
        XCTAssertEqual(started.wait(timeout: .now() + 30), .success)
        XCTAssertThrowsError(try Fixtures.ingest(impatient, Fixtures.mixedBatch, sha: "second")) { error in
            XCTAssertTrue("\(error)".contains("--busy-timeout"), "\(error)")
        }
        XCTAssertNotNil(firstResult.wait().flatMap { Fixtures.summary($0) })
    }

    func testReadOnlyOpenNeverCreatesAStore() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("curate-typo-\(UUID().uuidString)")
        let path = root.appendingPathComponent("deep/x.sqlite").path
        XCTAssertThrowsError(try CurateStore(path: path, access: .existing)) { error in
            XCTAssertTrue("\(error)".contains("no such store file"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.path), "no folder was created")
    }

    func testBusyTimeoutFromTheEnvironment() {
        XCTAssertEqual(StoreAccess.environmentBusyTimeout(["CURATE_BUSY_TIMEOUT": "2.5"]), 2.5)
        XCTAssertNil(StoreAccess.environmentBusyTimeout(["CURATE_BUSY_TIMEOUT": "-1"]))
        XCTAssertNil(StoreAccess.environmentBusyTimeout([:]))
        XCTAssertEqual(StoreAccess(onWait: nil).busyTimeout, 60)
    }
}

/// A result handed from a thread to the test.
private final class LockedResult: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<IngestOutcome, any Error>?

    func set(_ value: Result<IngestOutcome, any Error>) {
        condition.lock()
        result = value
        condition.broadcast()
        condition.unlock()
    }

    func wait() -> IngestOutcome? {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return try? result?.get()
    }
}
