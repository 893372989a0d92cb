import CurateApp
import Foundation
import XCTest

/// `curate structure` over folders on several threads: the reports are those of a serial run, in
/// the same order, and a structure met twice is analysed once (a symmetry-cache hit).
final class StructureParallelTests: XCTestCase {
    func testParallelReportsEqualSerialOnesAndRepeatsHitTheCache() throws {
        let edgeCases = try SharedData.path("cif/edge-cases")
        let mp = Array(StructureReport.expand([try SharedData.path("cif/mp")]).prefix(30))
        XCTAssertEqual(mp.count, 30)
        let first = try XCTUnwrap(mp.first)
        let paths = [edgeCases] + mp + [first]
        let serial = StructureWorkflow.describe(paths, jobs: 1)
        let parallel = StructureWorkflow.describe(paths, jobs: 3)
        XCTAssertEqual(parallel.reports, serial.reports)
        XCTAssertEqual(parallel.failures, serial.failures)
        // Without the cache or the workflow, file by file, the reports are the same.
        let direct = StructureReport.expand(paths).flatMap { StructureReport.reports(path: $0) }
        XCTAssertEqual(serial.reports, direct)
        // The repeated MP file (at least) comes from the cache, and its report is the first one's.
        XCTAssertGreaterThanOrEqual(serial.symmetryCacheHits, 1)
        XCTAssertEqual(serial.reports.last?.protostructure, serial.reports.first { $0.file == first }?.protostructure)
        XCTAssertNotNil(serial.reports.last?.protostructure)
    }
}
