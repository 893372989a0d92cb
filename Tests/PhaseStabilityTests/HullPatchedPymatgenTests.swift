import Chemistry
import Foundation
import PhaseStability
import XCTest

/// `PatchedHull` against pymatgen's `PhaseDiagram` on 367 composition-only Materials Project rows
/// (Li-Mn-O-P, Ba-Sr-Ti-O, Na-K-Cl; fixture from scripts/make-hull-mp-fixture.py), and against
/// `StabilityAnalysis` on the Li-Fe-O entries.
final class HullPatchedPymatgenTests: XCTestCase {
    private struct Fixture: Decodable {
        struct Entry: Decodable {
            let id: String
            let composition: String
            let formation_energy_per_atom: Double
            let e_above_hull: Double
            let stable: Bool
            let phase_separation_energy: Double
            let decomposition: [String: Double]
        }
        let entries: [Entry]
    }

    /// Formula → canonical composition key, so `O2` (pymatgen) and `O` name the same product.
    private func keyed(_ decomposition: [String: Double]) throws -> [String: Double] {
        var result: [String: Double] = [:]
        for (formula, fraction) in decomposition {
            result[try Composition(formula: formula).canonicalKey(), default: 0] += fraction
        }
        return result
    }

    func testMaterialsProjectSubsetAgreesWithPymatgen() throws {
        let url = HullTestData.fixtures.appendingPathComponent("mp-hull-subset.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        XCTAssertEqual(fixture.entries.count, 367)
        let entries = try fixture.entries.map {
            FormationEntry(id: $0.id, composition: try Composition(formula: $0.composition), formationEnergyPerAtom: $0.formation_energy_per_atom)
        }
        let hull = try PatchedHull(entries: entries)
        XCTAssertEqual(hull.systemCount, Set(entries.map { $0.composition.chemicalSystem }).count)
        XCTAssertEqual(hull.stableIDs, fixture.entries.filter(\.stable).map(\.id).sorted())
        XCTAssertEqual(hull.stableIDs.count, 76)
        var worstAbove = 0.0, worstSeparation = 0.0, worstFraction = 0.0
        var differentProducts = 0
        for (result, expected) in zip(hull.results, fixture.entries) {
            XCTAssertEqual(result.id, expected.id)
            worstAbove = max(worstAbove, abs(result.energyAboveHull - expected.e_above_hull))
            worstSeparation = max(worstSeparation, abs(result.phaseSeparationEnergy - expected.phase_separation_energy))
            let mine = try keyed(result.decompositionByFormula), theirs = try keyed(expected.decomposition)
            if Set(mine.keys) != Set(theirs.keys) { differentProducts += 1; continue }
            for (key, fraction) in mine { worstFraction = max(worstFraction, abs(fraction - (theirs[key] ?? .infinity))) }
        }
        print("MP subset vs pymatgen: max |ΔE_hull| \(worstAbove), max |ΔE_ps| \(worstSeparation), max |Δfraction| \(worstFraction), \(differentProducts) different product sets")
        XCTAssertLessThan(worstAbove, 1e-9)
        XCTAssertLessThan(worstSeparation, 1e-6, "pymatgen solves phase separation with SLSQP")
        XCTAssertLessThan(worstFraction, 1e-6)
        XCTAssertEqual(differentProducts, 0)
    }

    func testLiFeOAgreesWithStabilityAnalysis() throws {
        let computed = try HullTestData.liFeOEntries()
        let phases = computed.enumerated().map { PhaseEntry($1, energy: .corrected(scheme: "MP2020"), fallbackID: "entry-\($0)") }
        let analysis = try StabilityAnalysis(entries: phases)
        var entries: [FormationEntry] = []
        for (phase, result) in zip(phases, analysis.results) {
            XCTAssertEqual(phase.id, result.id)
            entries.append(FormationEntry(id: result.id, composition: phase.composition, formationEnergyPerAtom: result.formationEnergyPerAtom))
        }
        let hull = try PatchedHull(entries: entries)
        XCTAssertEqual(hull.stableIDs, analysis.stableIDs)
        XCTAssertEqual(hull.implicitReferences, [], "Li-Fe-O has elemental entries")
        for (mine, theirs) in zip(hull.results, analysis.results) {
            XCTAssertEqual(mine.energyAboveHull, theirs.energyAboveHull, accuracy: 1e-12, mine.id)
            if let separation = theirs.phaseSeparationEnergy {
                XCTAssertEqual(mine.phaseSeparationEnergy, separation, accuracy: 1e-12, mine.id)
            }
        }
    }
}
