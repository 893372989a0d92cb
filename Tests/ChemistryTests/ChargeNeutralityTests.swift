import Foundation
import XCTest
@testable import Chemistry

/// The charge-neutrality rule: hand-checked cases, then pymatgen's `oxi_state_guesses` on 400
/// generated ionic compositions (`scripts/make-charge-neutrality-fixture.py`).
final class ChargeNeutralityTests: XCTestCase {
    private func verdict(_ formula: String) throws -> ChargeNeutrality.Verdict {
        ChargeNeutrality.check(try Composition(formula: formula))
    }

    func testHandCheckedCompositions() throws {
        // Cu takes 1, 2 or 3: YBa2Cu3O7 needs Cu 7/3 on average (mixed valence), YBaCu3O7 needs Cu 3.
        XCTAssertEqual(try verdict("YBa2Cu3O7"), .possible)
        XCTAssertEqual(try verdict("YBaCu3O7"), .possible)
        XCTAssertEqual(try verdict("La1.85Sr0.15CuO4"), .possible)
        XCTAssertEqual(try verdict("Fe3O4"), .possible)
        // A digit dropped from the oxygen: Y 3 + Ba 2·2 + Cu (3…9) − 2 never reaches 0.
        XCTAssertEqual(try verdict("YBa2Cu3O"), .impossible(low: 8, high: 14))
        // Too much oxygen: Y 3 + Ba 4 + Cu at most 3 = 10 against O −14.
        XCTAssertEqual(try verdict("YBa2CuO7"), .impossible(low: -6, high: -4))
        // Metallic compositions are not judged.
        XCTAssertEqual(try verdict("Nb3Sn"), .notApplicable)
        XCTAssertEqual(try verdict("MgB2"), .notApplicable)
        // Written amounts are rounded: O6.95 with Cu at most 3 still balances within the tolerance.
        XCTAssertEqual(try verdict("YBa2Cu3O6.95"), .possible)
        XCTAssertEqual(ChargeNeutrality.observedStates(z: 29), [1, 2, 3])
        XCTAssertEqual(ChargeNeutrality.observedStates(z: 0), [])
        XCTAssertEqual(ChargeNeutrality.observedStates(z: 119), [])
    }

    private struct Fixture: Decodable {
        struct Case: Decodable {
            var formula: String
            var pymatgen_balanced: Bool
        }
        var cases: [Case]
    }

    func testNeverStricterThanPymatgenAndMostlyAgrees() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent("charge-neutrality-pymatgen.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        XCTAssertEqual(fixture.cases.count, 400)
        var agree = 0, judged = 0
        for item in fixture.cases {
            let verdict = try verdict(item.formula)
            // Only compositions holding an element with negative states alone (O, F) are judged;
            // S, Se, N, Br also take positive states, so without O or F nothing is said.
            guard verdict != .notApplicable else {
                XCTAssertFalse(try Composition(formula: item.formula).elements.contains { ["O", "F", "Cl"].contains($0.symbol) }, item.formula)
                continue
            }
            judged += 1
            let possible = verdict == .possible
            // Continuous average states are more permissive than pymatgen's integer sites, never less.
            if item.pymatgen_balanced { XCTAssertTrue(possible, "\(item.formula): pymatgen balances it") }
            if possible == item.pymatgen_balanced { agree += 1 }
        }
        XCTAssertGreaterThan(judged, 150)
        XCTAssertGreaterThanOrEqual(Double(agree) / Double(judged), 0.9, "agreement \(agree)/\(judged)")
    }
}
