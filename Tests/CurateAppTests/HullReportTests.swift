import CurateApp
import Foundation
import Ingest
import Store
import XCTest

/// `curate report ENTRIES.json.gz`: the hull of the real MP Li-Fe-O entries as a ternary triangle,
/// and its Fe-O subsystem as a binary hull, with one mark per entry and the numbers of `curate hull`.
final class HullReportTests: XCTestCase {
    func testBinaryAndTernaryReportsDrawEveryEntryOfTheSystem() throws {
        let entries = try SharedData.path("mp/emmet/Li-Fe-O.json.gz")
        let directory = try TemporaryDirectory()
        let hull = try HullWorkflow.file(path: entries)

        var request = ReportRequest(target: entries, out: directory.path("fe-o.html"))
        request.chemsys = "Fe-O"
        let binary = try ReportWorkflow.report(request)
        XCTAssertEqual(binary.kind, "hull")
        XCTAssertEqual(binary.charts, ["hull", "e-above-hull"])
        let html = try ReportHTML(path: binary.out)
        // Every entry of the file lies in Li-Fe-O: those without Li lie in Fe-O.
        let inFeO = hull.rows.filter { !$0.formula.contains("Li") }
        let stable = html.marks("hull", "entry stable")
        XCTAssertEqual(stable.count, inFeO.filter(\.stable).count)
        XCTAssertEqual(Set(stable.compactMap { $0.attributes["data-label"] }), ["Fe", "O", "FeO", "Fe2O3"])
        XCTAssertEqual(stable.count + html.marks("hull", "entry").count, inFeO.count, "one circle per Fe-O entry")
        XCTAssertEqual(html.marks("hull", "hull").count, 1)
        let fe2o3 = try XCTUnwrap(hull.rows.first { $0.formula == "Fe2O3" && $0.stable })
        let mark = try XCTUnwrap(stable.first { $0.attributes["data-label"] == "Fe2O3" })
        XCTAssertEqual(Double(mark.attributes["data-formation-energy"] ?? ""), fe2o3.formationEnergyPerAtom)

        let ternary = try ReportWorkflow.report(ReportRequest(target: entries, out: directory.path("li-fe-o.html")))
        let triangle = try ReportHTML(path: ternary.out)
        let circles = triangle.marks("hull", "entry stable").count + triangle.marks("hull", "entry").count
        XCTAssertEqual(circles, hull.rows.count, "every entry of the file is in Li-Fe-O")
        XCTAssertEqual(triangle.marks("hull", "entry stable").count, hull.stable)
        XCTAssertFalse(triangle.marks("hull", "tie-line").isEmpty)

        request.chemsys = "Fe-Xx"
        XCTAssertThrowsError(try ReportWorkflow.report(request)) { XCTAssertTrue("\($0)".contains("--chemsys Fe-Xx"), "\($0)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.path("fe-o-bad.html")))
    }

    func testStoreHullReportOfASystemMatchesTheEntriesFile() throws {
        let entries = try SharedData.path("mp/emmet/Li-Fe-O.json.gz")
        let directory = try TemporaryDirectory()
        let storePath = directory.path("store.sqlite")
        _ = try MaterialsProjectJSONIngester.ingest(path: entries, into: try CurateStore(path: storePath))
        var request = ReportRequest(store: storePath, out: directory.path("store-fe-o.html"))
        request.chemsys = "Fe-O"
        let summary = try ReportWorkflow.report(request)
        XCTAssertEqual(summary.kind, "hull")
        let html = try ReportHTML(path: summary.out)
        XCTAssertEqual(Set(html.marks("hull", "entry stable").compactMap { $0.attributes["data-label"] }), ["Fe", "O", "FeO", "Fe2O3"],
                       "the store's Fe-O hull has the stable phases of the file's")
        XCTAssertEqual(html.marks("hull", "hull").count, 1)
        XCTAssertFalse(try HullWorkflow.store(.init(storePath: storePath)).reused, "the report recorded no hull run: this run is the first")
    }
}
