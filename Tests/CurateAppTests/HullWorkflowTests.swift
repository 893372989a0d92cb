import CurateApp
import Foundation
import Ingest
import Store
import XCTest
import PhaseStability

/// `curate hull` on real pymatgen entries: a file of elemental references, and stored MP entries.
final class HullWorkflowTests: XCTestCase {
    func testElementalReferencesFileIsAllOnOrAboveTheHull() throws {
        let path = try SharedData.path("mp/2023-02-07-mp-elemental-reference-entries.json")
        let result = try HullWorkflow.file(path: path)
        XCTAssertEqual(result.rows.count, result.entries)
        XCTAssertGreaterThan(result.stable, 0)
        XCTAssertEqual(result.rows.filter(\.stable).count, result.stable)
        for row in result.rows {
            XCTAssertEqual(row.formationEnergyPerAtom, 0, accuracy: 1e-9, row.id)
            XCTAssertGreaterThanOrEqual(row.energyAboveHull, -1e-9, row.id)
        }
    }

    func testMissingFileFailsNamingIt() {
        XCTAssertThrowsError(try HullWorkflow.file(path: "/nonexistent/entries.json")) { error in
            XCTAssertEqual(String(describing: error), "/nonexistent/entries.json: cannot read file")
        }
    }

    func testStoreRunRecordsOnceAndReusesAnIdenticalRun() throws {
        let directory = try TemporaryDirectory()
        let storePath = directory.path("store.sqlite")
        let store = try CurateStore(path: storePath)
        _ = try MaterialsProjectJSONIngester.ingest(path: try SharedData.path("mp/emmet/Li-Fe-O.json.gz"), into: store)
        var request = HullWorkflow.StoreRequest(storePath: storePath)
        request.dryRun = true
        request.workers = 2
        let dry = try HullWorkflow.store(request)
        XCTAssertNil(dry.runId)
        XCTAssertEqual(dry.rows.count, dry.entries)
        XCTAssertGreaterThan(dry.stable, 0)
        for row in dry.rows where row.stable { XCTAssertEqual(row.energyAboveHull, 0, accuracy: 1e-6, row.entryId) }
        request.dryRun = false
        let first = try HullWorkflow.store(request)
        XCTAssertNotNil(first.runId)
        XCTAssertFalse(first.reused)
        let again = try HullWorkflow.store(request)
        XCTAssertEqual(again.runId, first.runId)
        XCTAssertTrue(again.reused)
        XCTAssertEqual(again.rows, first.rows)
    }
}
