import CurateApp
import Datasets
import Foundation
import XCTest

/// `curate demo`: its summary agrees with the store and the release manifests, a second run
/// replaces the folder, and missing inputs fail with a message naming the path and the option.
final class DemoWorkflowTests: XCTestCase {
    func testSummaryAgreesWithTheStoreAndTheManifests() throws {
        let summary = try DemoFixture.summary()
        XCTAssertEqual(summary.ingested.map(\.name), ["stanev-2018", "mdr", "solid-state-2019"])
        let stats = try StoreInventory.stats(storePath: summary.store)
        for ingested in summary.ingested {
            let source = try XCTUnwrap(stats.sources.first { $0.name == ingested.name }, ingested.name)
            XCTAssertEqual(source.runs, 1, ingested.name)
            XCTAssertEqual(source.quarantined, ingested.quarantined, ingested.name)
            XCTAssertEqual(ingested.read, ingested.stored + ingested.duplicates + ingested.quarantined, ingested.name)
            XCTAssertGreaterThan(ingested.stored, 0, ingested.name)
        }
        XCTAssertEqual(summary.releases.map(\.name), ["supercon-tc", "solid-state-synthesis"])
        for release in summary.releases {
            let manifest = try ReleaseReading.manifest(in: release.directory)
            XCTAssertEqual(manifest.name, release.name)
            XCTAssertEqual(manifest.records, release.records)
            XCTAssertEqual(manifest.split.counts, release.splits)
            XCTAssertEqual(release.splits.values.reduce(0, +), release.records)
            XCTAssertEqual(manifest.store.mode, "file")
        }
        let supercon = summary.ingested.filter { $0.kind == "supercon" }.map(\.stored).reduce(0, +)
        XCTAssertEqual(summary.cleaned.first?.input, supercon)
        let reactions = try XCTUnwrap(summary.releases.last)
        XCTAssertEqual(summary.balance.checked, reactions.records)
        XCTAssertEqual(summary.balance.flagsRecorded, summary.balance.flagged)
        XCTAssertEqual(try FlagDecisions.list(storePath: summary.store, kind: "reaction").count, summary.balance.flagsRecorded)
        let report = try String(contentsOfFile: try XCTUnwrap(summary.report), encoding: .utf8)
        XCTAssertTrue(report.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"funnel\""), "the demo's report has the release funnel")
        XCTAssertTrue(summary.nextCommands.allSatisfy { $0.contains("--store") })
    }

    func testSecondRunReplacesTheFolderWithTheSameResult() throws {
        let first = try DemoFixture.summary()
        let second = try DemoWorkflow.run(DemoFixture.request)
        XCTAssertTrue(second.replaced)
        XCTAssertEqual(second.folder, first.folder)
        XCTAssertEqual(second.ingested, first.ingested)
        XCTAssertEqual(second.releases, first.releases)
        XCTAssertEqual(second.balance, first.balance)
        XCTAssertLessThan(second.seconds, 600)
    }

    func testMissingDataDirectoryNamesThePathAndTheOption() throws {
        let directory = try TemporaryDirectory()
        var request = DemoFixture.request
        request.dataDirectory = directory.path("no-such-data")
        request.outDirectory = directory.path("demo")
        XCTAssertThrowsError(try DemoWorkflow.run(request)) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains(directory.path("no-such-data")), message)
            XCTAssertTrue(message.contains("--data DIR"), message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path("demo")))
    }

    func testMissingSpecsNameTheOption() throws {
        let directory = try TemporaryDirectory()
        var request = DemoFixture.request
        request.specsDirectory = directory.path("no-specs")
        request.outDirectory = directory.path("demo")
        XCTAssertThrowsError(try DemoWorkflow.run(request)) { error in
            XCTAssertTrue(String(describing: error).contains("--specs DIR"), "\(error)")
        }
    }

    func testRefusesToReplaceAFolderItDidNotMake() throws {
        let directory = try TemporaryDirectory()
        let precious = try directory.write("keep.txt", "mine")
        var request = DemoFixture.request
        request.outDirectory = directory.url.path
        XCTAssertThrowsError(try DemoWorkflow.run(request)) { error in
            XCTAssertTrue(String(describing: error).contains("is not a demo folder"), "\(error)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: precious))
    }
}
