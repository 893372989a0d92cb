import CurateApp
import Foundation
import XCTest

/// `curate formula --json` output, through the library that prints it.
final class FormulaReportTests: XCTestCase {
    private func object(_ report: FormulaReport) throws -> [String: Any] {
        let line = try JSONOutput.line(report)
        XCTAssertFalse(line.contains("\n"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    func testParsedFormulaCarriesTheDerivedKeys() throws {
        let json = try object(FormulaReport(input: "La2CuO4", line: 3))
        XCTAssertEqual(json["ok"] as? Bool, true)
        XCTAssertEqual(json["line"] as? Int, 3)
        let result = try XCTUnwrap(json["result"] as? [String: Any])
        XCTAssertEqual(result["reduced_formula"] as? String, "La2CuO4")
        XCTAssertEqual(result["chemical_system"] as? String, "Cu-La-O")
        XCTAssertEqual(result["formula_prototype"] as? String, "A2BC4")
        XCTAssertEqual(result["element_count"] as? Int, 3)
        let fractions = try XCTUnwrap(result["fractions"] as? [String: Double])
        XCTAssertEqual(fractions["O"] ?? 0, 4.0 / 7.0, accuracy: 1e-12)
        XCTAssertEqual(result["amounts"] as? [String: Double], ["La": 2, "Cu": 1, "O": 4])
    }

    func testErrorCarriesReasonAndPosition() throws {
        let json = try object(FormulaReport(input: "Y2C2Br0.5!1.5"))
        XCTAssertEqual(json["ok"] as? Bool, false)
        let error = try XCTUnwrap(json["error"] as? [String: Any])
        XCTAssertEqual(error["reason"] as? String, "unexpected_character")
        XCTAssertEqual(error["position"] as? Int, 10)
        XCTAssertNil(json["result"])
    }

    func testUnresolvedVariablesAreReportedNotGuessed() throws {
        let json = try object(FormulaReport(input: "La2-xSrxCuO4"))
        XCTAssertEqual(json["ok"] as? Bool, true)
        XCTAssertEqual(json["resolved"] as? Bool, false)
        let result = try XCTUnwrap(json["result"] as? [String: Any])
        XCTAssertEqual(result["variables"] as? [String], ["x"])
        XCTAssertEqual((result["symbolic_amounts"] as? [String: String])?["La"], "2-x")
        XCTAssertNil(result["fractions"])
    }
}
