import Crystal
import Foundation
import PhaseStability
import XCTest

/// The Li-Fe-O hull against pymatgen's `PhaseDiagram` (fixture from scripts/make-hull-fixture.py).
final class HullPymatgenCrossCheckTests: XCTestCase {
    private struct Fixture: Decodable {
        struct Entry: Decodable {
            let formation_energy_per_atom: Double
            let e_above_hull: Double
            let decomposition: [String: Double]
        }
        let stable_ids: [String]
        let entries: [String: Entry]
    }

    func testLiFeOAgreesWithPymatgen() throws {
        let computed = try HullTestData.liFeOEntries()
        XCTAssertEqual(computed.count, 375)
        let entries = computed.enumerated().map { PhaseEntry($1, energy: .corrected(scheme: "MP2020"), fallbackID: "entry-\($0)") }
        let fixtureURL = HullTestData.fixtures.appendingPathComponent("li-fe-o-hull.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: fixtureURL))
        XCTAssertEqual(fixture.entries.count, 375)

        let analysis = try StabilityAnalysis(entries: entries)
        XCTAssertEqual(analysis.stableIDs, fixture.stable_ids.sorted())
        var worstFormation = 0.0, worstAbove = 0.0, worstFraction = 0.0
        for result in analysis.results {
            guard let expected = fixture.entries[result.id] else { XCTFail("\(result.id) not in fixture"); continue }
            worstFormation = max(worstFormation, abs(result.formationEnergyPerAtom - expected.formation_energy_per_atom))
            worstAbove = max(worstAbove, abs(result.energyAboveHull - expected.e_above_hull))
            XCTAssertEqual(Set(result.decomposition.map(\.id)), Set(expected.decomposition.keys), "decomposition of \(result.id)")
            for component in result.decomposition {
                worstFraction = max(worstFraction, abs(component.fraction - (expected.decomposition[component.id] ?? .infinity)))
            }
        }
        print("Li-Fe-O vs pymatgen: max |ΔE_form| \(worstFormation), max |ΔE_hull| \(worstAbove), max |Δfraction| \(worstFraction) over \(analysis.results.count) entries")
        XCTAssertLessThan(worstFormation, 1e-6)
        XCTAssertLessThan(worstAbove, 1e-6)
        XCTAssertLessThan(worstFraction, 1e-6)
    }

    func testUncorrectedAndCorrectedDoNotMixSilently() throws {
        let computed = try HullTestData.liFeOEntries()
        let mixed = computed.enumerated().map { index, entry in
            PhaseEntry(entry, energy: index.isMultiple(of: 2) ? .corrected(scheme: "MP2020") : .uncorrected, fallbackID: "e\(index)")
        }
        XCTAssertThrowsError(try StabilityAnalysis(entries: mixed)) { error in
            XCTAssertEqual(error as? HullError, .mixedCorrectionSchemes(["MP2020", "uncorrected"]))
        }
        XCTAssertNoThrow(try StabilityAnalysis(entries: mixed, allowMixedSchemes: true))
    }
}
