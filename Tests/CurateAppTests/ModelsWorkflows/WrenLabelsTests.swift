import XCTest
@testable import CurateApp

final class WrenLabelsTests: XCTestCase {
    /// All 375 Li–Fe–O entries get a label; the lowest-energy elemental entry of each element
    /// has formation energy 0 and every other elemental entry lies above it.
    func testLiFeOEntries() throws {
        let table = try WrenLabels.table(path: try TestPaths.shared("mp/emmet/Li-Fe-O.json.gz"))
        XCTAssertEqual(table.rows.count, 375)
        XCTAssertEqual(table.skipped, 0)
        XCTAssertEqual(table.rows.first, "mp-1211097,AB_oC8_63_c_a:Fe-Li,Li2.0Fe2.0,-4.909887325,0.27957833333333326")
        var lowestElemental: [String: Double] = [:]
        for row in table.rows {
            let fields = row.split(separator: ",").map(String.init)
            XCTAssertEqual(fields.count, 5, row)
            let composition = fields[2]
            let elements = composition.filter(\.isUppercase).count
            guard elements == 1, let formation = Double(fields[4]) else { continue }
            let element = String(composition.prefix { !$0.isNumber && $0 != "." })
            lowestElemental[element] = min(lowestElemental[element] ?? .infinity, formation)
            XCTAssertGreaterThanOrEqual(formation, -1e-12, row)
        }
        XCTAssertEqual(Set(lowestElemental.keys), ["Li", "Fe", "O"])
        for (element, formation) in lowestElemental { XCTAssertEqual(formation, 0, accuracy: 1e-12, element) }
    }

    func testUnreadableFileNamesThePath() {
        XCTAssertThrowsError(try WrenLabels.table(path: "/nonexistent/entries.json")) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("/nonexistent/entries.json: "), "\(error)")
        }
    }
}
