import CurateApp
import Foundation
import Ingest
import Store
import XCTest

/// The store workflows (stats, quarantine, show, clean, ledger, clusters, why, leakage) on a store
/// holding two small real SuperCon files.
final class StoreWorkflowTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var storePath = ""
    private var mdr: IngestReport!
    private var samples: IngestReport!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
        storePath = directory.path("store.sqlite")
        let store = try CurateStore(path: storePath)
        mdr = try SuperConIngester.ingest(path: try SharedData.path("supercon/mdr-2024/mdr_duplicated.csv"), into: store,
                                          options: IngestOptions(sourceName: "mdr"))
        samples = try SuperConIngester.ingest(path: try SharedData.path("supercon/supercon2-samples/supercon_corrected.csv"), into: store,
                                              options: IngestOptions(sourceName: "samples"))
    }

    func testStatsCountWhatTheIngestsReported() throws {
        let stats = try StoreInventory.stats(storePath: storePath)
        XCTAssertEqual(stats.sources.map(\.name).sorted(), ["mdr", "samples"])
        let mdrStats = try XCTUnwrap(stats.sources.first { $0.name == "mdr" })
        XCTAssertEqual(mdrStats.observations, mdr.stored)
        XCTAssertEqual(mdrStats.quarantined, mdr.quarantined)
        XCTAssertEqual(mdr.read, try countDataLines(try SharedData.path("supercon/mdr-2024/mdr_duplicated.csv")))
    }

    func testQuarantineListsEveryRejectAndFiltersBySource() throws {
        let all = try StoreInventory.quarantine(storePath: storePath)
        XCTAssertEqual(all.count, mdr.quarantined + samples.quarantined)
        XCTAssertEqual(try StoreInventory.quarantine(storePath: storePath, source: "mdr").count, mdr.quarantined)
        XCTAssertEqual(try StoreInventory.quarantine(storePath: storePath, limit: 1).count, min(1, all.count))
    }

    func testShowMatchesAnyWritingOfTheComposition() throws {
        let text = try String(contentsOfFile: try SharedData.path("supercon/mdr-2024/mdr_duplicated.csv"), encoding: .utf8)
        let written = Set(text.split(separator: "\n").filter { $0.hasPrefix("Mg1B2,") }).count
        XCTAssertGreaterThan(written, 1)
        let shown = try MaterialLookup.show(formula: "B2Mg", storePath: storePath)
        XCTAssertEqual(shown.material?.reducedFormula, "MgB2")
        XCTAssertEqual(shown.observations.filter { $0.sourceName == "mdr" }.count, written)
        XCTAssertNil(try MaterialLookup.show(formula: "Og2", storePath: storePath).material)
        XCTAssertThrowsError(try MaterialLookup.show(formula: "Mg(B2", storePath: storePath))
    }

    func testCleanThenLedgerClustersAndWhyAccountForEveryObservation() throws {
        let report = try CleanWorkflow.clean(specPath: Repository.path("datasets/supercon-tc.curation.json"), storePath: storePath)
        XCTAssertEqual(report.input, mdr.stored + samples.stored)
        XCTAssertEqual(try CurationQueries.ledger(storePath: storePath).count, report.excluded)
        XCTAssertEqual(try CurationQueries.ledger(storePath: storePath, runId: report.runId).count, report.excluded)
        XCTAssertEqual(try CurationQueries.clusters(storePath: storePath, minSize: 1).count, report.curated)
        let why = try CurationQueries.why(formula: "MgB2", storePath: storePath)
        XCTAssertEqual(why.runId, report.runId)
        let cluster = try XCTUnwrap(why.cluster)
        XCTAssertEqual(cluster.members.count + why.exclusions.count + why.notInRun.count, why.observations)
    }

    func testWhyWithoutACurationRunSaysSo() throws {
        let why = try CurationQueries.why(formula: "MgB2", storePath: storePath)
        XCTAssertNil(why.runId)
        XCTAssertEqual(why.notInRun.count, why.observations)
    }

    func testLeakageComparesTheTwoSources() throws {
        let report = try LeakageWorkflow.audit(a: "mdr", b: "samples", storePath: storePath)
        XCTAssertEqual(report.a.records, mdr.stored)
        XCTAssertEqual(report.b.records, samples.stored)
        XCTAssertLessThanOrEqual(report.sharedCompositions, min(report.a.compositions, report.b.compositions))
        XCTAssertThrowsError(try LeakageWorkflow.audit(a: "mdr", b: "nowhere", storePath: storePath)) { error in
            XCTAssertTrue(String(describing: error).contains("\"nowhere\""), "\(error)")
        }
    }

    func testCleanWithAMissingSpecFailsNamingIt() {
        XCTAssertThrowsError(try CleanWorkflow.clean(specPath: "/nonexistent/spec.json", storePath: storePath)) { error in
            XCTAssertTrue(String(describing: error).contains("/nonexistent/spec.json"), "\(error)")
        }
    }
}
