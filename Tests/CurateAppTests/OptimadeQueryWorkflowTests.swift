import CurateApp
import Foundation
import Ingest
import Store
import XCTest

/// `curate ingest optimade URL`: paging through a loopback OPTIMADE endpoint that serves the
/// resources of a saved response (Tests/IngestTests/Fixtures/optimade-structures.json).
final class OptimadeQueryWorkflowTests: XCTestCase {
    private final class Server {
        let process = Process()
        let port: Int

        init() throws {
            let script = TestPaths.repository.appendingPathComponent("Tests/RemoteTests/Fixtures/optimade_test_server.py").path
            let saved = TestPaths.repository.appendingPathComponent("Tests/IngestTests/Fixtures/optimade-structures.json").path
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script, saved]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            port = try XCTUnwrap(Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }

        func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
    }

    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("optimade-query-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    private func options(filter: String? = nil, pageLimit: Int = 2) -> OptimadeQueryWorkflow.Options {
        OptimadeQueryWorkflow.Options(filter: filter, pageLimit: pageLimit, directory: folder.appendingPathComponent("pages").path)
    }

    private var storePath: String { folder.appendingPathComponent("store.sqlite").path }

    func testPagesFollowNextLinksAndIngestLikeTheSavedResponse() throws {
        let server = try Server()
        let report = try OptimadeQueryWorkflow.run(url: server.url("/v1"), options: options(), storePath: storePath, ingestOptions: IngestOptions())
        XCTAssertEqual(report.pagesFetched, 4)  // 7 resources, 2 a page
        XCTAssertTrue(report.complete)
        // The same records as ingesting the saved response itself.
        let direct = try OptimadeIngester.ingest(path: try XCTUnwrap(TestPaths.repository.appendingPathComponent(
            "Tests/IngestTests/Fixtures/optimade-structures.json").path), into: CurateStore.inMemory())
        XCTAssertEqual(report.ingest.read, direct.read)
        XCTAssertEqual(report.ingest.stored, direct.stored)
        XCTAssertEqual(report.ingest.quarantined, direct.quarantined)
        // A second run fetches nothing and writes nothing.
        let again = try OptimadeQueryWorkflow.run(url: server.url("/v1"), options: options(), storePath: storePath, ingestOptions: IngestOptions())
        XCTAssertEqual(again.pagesFetched, 0)
        XCTAssertEqual(again.pagesReused, 4)
        XCTAssertEqual(again.ingest.status, "unchanged")
    }

    func testTheFilterReachesTheServer() throws {
        let server = try Server()
        let report = try OptimadeQueryWorkflow.run(url: server.url("/v1/structures"), options: options(filter: #"elements HAS "Cl""#),
                                                   storePath: storePath, ingestOptions: IngestOptions())
        XCTAssertEqual(report.pagesFetched, 1)
        XCTAssertTrue(report.query.contains("filter=elements%20HAS%20%22Cl%22"), report.query)
        let formulas = Set(try CurateStore(path: storePath).curationInputs(property: "structure", sources: []).map(\.reducedFormula))
        XCTAssertEqual(formulas, ["NaCl", "KCl"])
    }

    func testInterruptedQueryResumesFromTheLastSavedPage() throws {
        let server = try Server()
        XCTAssertThrowsError(try OptimadeQueryWorkflow.run(url: server.url("/flaky/v1"), options: options(), storePath: storePath,
                                                           ingestOptions: IngestOptions())) { error in
            XCTAssertTrue("\(error)".hasPrefix("HTTP 500 from \(server.url("/flaky/v1/structures"))"), "\(error)")
        }
        let report = try OptimadeQueryWorkflow.run(url: server.url("/flaky/v1"), options: options(), storePath: storePath, ingestOptions: IngestOptions())
        XCTAssertEqual(report.pagesReused, 1)
        XCTAssertEqual(report.pagesFetched, 3)
        XCTAssertTrue(report.complete)
    }

    func testUnknownPropertyErrorPageAndMalformedResponseAreNamed() throws {
        let server = try Server()
        XCTAssertThrowsError(try OptimadeQueryWorkflow.run(url: server.url("/v1"), options: options(filter: "_foo_bar<=3"), storePath: storePath,
                                                           ingestOptions: IngestOptions())) { error in
            // The error document puts 655 bytes of `meta` before `errors` (as the reference server
            // does): the message gives the detail, not an excerpt of the JSON.
            XCTAssertTrue("\(error)".hasPrefix("HTTP 400 from \(server.url("/v1/structures"))"), "\(error)")
            XCTAssertTrue("\(error)".hasSuffix(": Unknown property: _foo_bar"), "\(error)")
        }
        XCTAssertThrowsError(try OptimadeQueryWorkflow.run(url: server.url("/error/v1"), options: options(), storePath: storePath,
                                                           ingestOptions: IngestOptions())) { error in
            XCTAssertTrue("\(error)".hasPrefix("HTTP 500 from"), "\(error)")
        }
        XCTAssertThrowsError(try OptimadeQueryWorkflow.run(url: server.url("/broken/v1"), options: options(), storePath: storePath,
                                                           ingestOptions: IngestOptions())) { error in
            XCTAssertTrue("\(error)".contains("not a JSON object"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: storePath), "nothing ingested")
    }
}
