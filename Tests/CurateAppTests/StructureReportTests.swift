import Chemistry
import CurateApp
import Foundation
import XCTest

/// `curate structure` on real files: every edge-case CIF gives a report (never a crash), and
/// MP CIFs get a space group and a protostructure label consistent with their composition.
final class StructureReportTests: XCTestCase {
    func testEdgeCaseFolderReportsEveryFileWithoutThrowing() throws {
        let folder = try SharedData.path("cif/edge-cases")
        let files = StructureReport.expand([folder])
        XCTAssertGreaterThan(files.count, 10)
        var ok = 0, failed = 0
        for file in files {
            for report in StructureReport.reports(path: file) {
                if report.status == "ok" {
                    ok += 1
                    XCTAssertNotNil(report.formula, file)
                } else {
                    failed += 1
                    XCTAssertFalse(report.error?.isEmpty ?? true, "a failure must say why: \(file)")
                }
            }
        }
        XCTAssertGreaterThan(ok, 0)
        XCTAssertGreaterThan(failed, 0, "the edge cases include unreadable files")
    }

    func testMPCIFLabelsAgreeWithTheirOwnComposition() throws {
        let folder = try SharedData.path("cif/mp")
        let files = Array(StructureReport.expand([folder]).prefix(40))
        XCTAssertEqual(files.count, 40)
        for file in files {
            let report = try XCTUnwrap(StructureReport.reports(path: file).first)
            XCTAssertEqual(report.status, "ok", file)
            guard report.ordered == true else { continue }
            let label = try XCTUnwrap(report.protostructure, "\(file): \(report.symmetryNote ?? "")")
            // The label's chemical system is the composition's, and its space group is spglib's.
            let system = String(label.split(separator: ":").last ?? "")
            let elements = try Composition(formula: try XCTUnwrap(report.reducedFormula)).elements.map(\.symbol)
            XCTAssertEqual(Set(system.split(separator: "-").map(String.init)), Set(elements), file)
            XCTAssertEqual(Int(label.split(separator: "_")[2]), report.spaceGroupNumber, file)
            XCTAssertEqual(report.wyckoffLetters?.count, report.sites, file)
        }
    }
}
