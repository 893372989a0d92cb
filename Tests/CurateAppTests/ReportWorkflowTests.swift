import CurateApp
import Foundation
import XCTest

/// formula, structure, bench, candidates and screen workflows on small real inputs.
final class ReportWorkflowTests: XCTestCase {
    func testFormulaFileSkipsBlankLinesAndKeepsLineNumbers() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("formulas.txt", "\u{FEFF}La2CuO4\r\n\nFe2O3\nXx2\n")
        let result = try FormulaWorkflow.parse(["MgB2"], file: file)
        XCTAssertEqual(result.reports.map(\.input), ["MgB2", "La2CuO4", "Fe2O3", "Xx2"])
        XCTAssertEqual(result.reports.map(\.line), [nil, 1, 3, 4])
        XCTAssertEqual(result.failures, 1)
        XCTAssertEqual(try FormulaWorkflow.parse(["La2-xSrxCuO4"], bindings: "x=0.15").reports.first?.resolved, true)
        XCTAssertThrowsError(try FormulaWorkflow.parse([], file: directory.path("missing.txt")))
    }

    func testStructureDescribesAFolderOfRealCIFs() throws {
        let folder = try SharedData.path("cif/mp")
        let first = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".cif") }.sorted().first)
        let result = StructureWorkflow.describe([(folder as NSString).appendingPathComponent(first)])
        XCTAssertEqual(result.reports.count, 1)
        XCTAssertEqual(result.failures, 0)
        XCTAssertNotNil(result.reports.first?.spaceGroupNumber)
        XCTAssertEqual(StructureWorkflow.describe(["/nonexistent.cif"]).failures, 1)
    }

    func testBenchMeasuresEveryFormulaOfTheFile() throws {
        let data = try SharedData.path("supercon/mdr-2024/mdr_duplicated.csv")
        let result = try BenchWorkflow.run(data: data, cifDirectory: nil, repetitions: 1)
        XCTAssertEqual(result.measurements.map(\.name), ["composition_from_formula", "parsed_formula_full_grammar",
                                                        "composition_fractions_reduced_formula", "supercon_ingest"])
        XCTAssertTrue(result.measurements.allSatisfy { $0.items == (try? countDataLines(data)) })
        XCTAssertEqual(result.cifFiles, 0)
    }

    func testCandidatesFromTheWrenExamples() throws {
        let path = try SharedData.path("polymorphs/aviary-wren-examples.csv")
        var options = CandidatesWorkflow.Options()
        options.top = 5
        let result = try CandidatesWorkflow.generate(from: path, options: options)
        XCTAssertEqual(result.summary.known, try countDataLines(path))
        XCTAssertEqual(result.summary.printed, result.candidates.count)
        XCTAssertLessThanOrEqual(result.candidates.count, 5)
        XCTAssertEqual(result.summary.invalid, result.candidates.filter { !$0.valid }.count)
    }

    func testScreenWithoutAModelFailsNamingIt() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("no-wren")
        XCTAssertThrowsError(try ScreenWorkflow.screen(model: missing, candidates: missing, hullFrom: missing)) { error in
            XCTAssertTrue(String(describing: error).contains(missing), "\(error)")
        }
    }
}
