import CurateApp
import Foundation
import Remote
import Store
import XCTest

/// `curate pull` as the command line runs it: a URL or a catalogue name, recorded in the store.
final class PullWorkflowTests: XCTestCase {
    /// The loopback server of the Remote tests, serving ../shared/data.
    private final class Server {
        let process = Process()
        let port: Int

        init() throws {
            let script = TestPaths.repository.appendingPathComponent("Tests/RemoteTests/Fixtures/pull_test_server.py").path
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script, TestPaths.sharedData.path]
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
    }

    func testPullByCatalogueNameVerifiesAndRecordsProvenance() throws {
        let source = try TestPaths.shared("vasp/io_vasprun.xml.gz")
        let server = try Server()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pull-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sha = try XCTUnwrap(String(String(decoding: try run("/usr/bin/sha256sum", source), as: UTF8.self).prefix(64)))
        let catalogue = folder.appendingPathComponent("sources.json").path
        try """
            {"format": "curate-sources/1", "sources": [
              {"name": "si", "description": "Si run", "url": "http://127.0.0.1:\(server.port)/redirect/1/vasp/io_vasprun.xml.gz", "sha256": "\(sha)"},
              {"name": "nourl", "description": "page only", "url": null, "page": "https://example.org/data"}]}
            """.write(toFile: catalogue, atomically: true, encoding: .utf8)
        let storePath = folder.appendingPathComponent("store.sqlite").path
        let options = PullWorkflow.Options(directory: folder.appendingPathComponent("downloads").path, cataloguePath: catalogue)
        let report = try PullWorkflow.run(target: "si", options: options, storePath: storePath)
        XCTAssertEqual(report.pull.outcome, "downloaded")
        XCTAssertEqual(report.catalogueName, "si")
        let again = try PullWorkflow.run(target: "si", options: options, storePath: storePath)
        XCTAssertEqual(again.pull.outcome, "unchanged")
        let downloads = try CurateStore(path: storePath).downloads(sha256: sha)
        XCTAssertEqual(downloads.map(\.outcome), ["downloaded", "unchanged"])
        XCTAssertEqual(downloads.map(\.transferred), [report.pull.size, 0])
        XCTAssertEqual(downloads.first?.verified, "sha256:\(sha)")
        XCTAssertEqual(downloads.first?.effectiveURL, "http://127.0.0.1:\(server.port)/files/vasp/io_vasprun.xml.gz")
        XCTAssertNotNil(downloads.first?.headers["etag"])
        XCTAssertThrowsError(try PullWorkflow.run(target: "nourl", options: options, storePath: storePath)) { error in
            XCTAssertTrue("\(error)".contains("https://example.org/data"), "\(error)")
        }
        XCTAssertThrowsError(try PullWorkflow.run(target: "nosuch", options: options, storePath: storePath)) { error in
            XCTAssertTrue("\(error)".contains("known: si, nourl"), "\(error)")
        }
    }

    func testTheCommittedCatalogueIsWellFormed() throws {
        let catalogue = try SourceCatalogue.load(path: try TestPaths.inRepository("datasets/sources.json"))
        XCTAssertEqual(Set(catalogue.sources.map(\.name)).count, catalogue.sources.count, "names are unique")
        for entry in catalogue.sources {
            if let url = entry.url { XCTAssertTrue(url.hasPrefix("https://"), entry.name) }
            XCTAssertTrue(entry.url != nil || entry.page != nil, "\(entry.name): a URL or a page")
            XCTAssertNoThrow(try entry.expected(), entry.name)
        }
    }

    private func run(_ tool: String, _ argument: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = [argument]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        return output.fileHandleForReading.readDataToEndOfFile()
    }
}
