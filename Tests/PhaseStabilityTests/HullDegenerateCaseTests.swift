import Chemistry
import PhaseStability
import XCTest

/// Hull edge cases on small hand-made systems (energies in eV/atom, scheme "test").
final class HullDegenerateCaseTests: XCTestCase {
    private func entry(_ id: String, _ formula: String, _ perAtom: Double, scheme: String = "test") throws -> PhaseEntry {
        PhaseEntry(id: id, composition: try Composition(formula: formula), energyPerAtom: perAtom, correctionScheme: scheme)
    }

    func testBinaryHullEnergiesAndDecomposition() throws {
        let entries = [
            try entry("A", "Li", -2), try entry("A2", "Li", -1.5), try entry("B", "O", -5),
            try entry("AB", "LiO", -4.5),      // formation −1 at x=0.5: stable
            try entry("A2B", "Li2O", -3.5),     // formation −0.5 at 1/3: hull is −2/3 → 1/6 above
            try entry("AB2", "Li2O4", -4.0),    // composition of LiO2: formation 0 → above hull
        ]
        let analysis = try StabilityAnalysis(entries: entries)
        XCTAssertEqual(analysis.stableIDs, ["A", "AB", "B"])
        let a2b = try XCTUnwrap(analysis.result(id: "A2B"))
        XCTAssertEqual(a2b.formationEnergyPerAtom, -0.5, accuracy: 1e-12)
        XCTAssertEqual(a2b.energyAboveHull, 1.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(a2b.decomposition.map(\.id), ["AB", "A"])
        XCTAssertEqual(a2b.decomposition[0].fraction, 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(analysis.result(id: "A2")).energyAboveHull, 0.5, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(analysis.result(id: "A2")).decomposition.map(\.id), ["A"])
        // Without AB the hull at x = 1/2 runs A2B (1/3, −0.5) – B (1, 0): −0.375.
        XCTAssertEqual(try XCTUnwrap(analysis.result(id: "AB")).phaseSeparationEnergy ?? 0, -0.625, accuracy: 1e-12)
    }

    func testCollinearPointIsNotAVertex() throws {
        // AB lies exactly on the segment A2B–AB2 in formation energy: on the hull, not a vertex.
        let entries = [
            try entry("A", "Fe", 0), try entry("B", "O", 0),
            try entry("A2B", "Fe2O", -1), try entry("AB2", "FeO2", -1), try entry("AB", "FeO", -1),
        ]
        let analysis = try StabilityAnalysis(entries: entries)
        XCTAssertEqual(analysis.stableIDs, ["A", "A2B", "AB2", "B"])
        let ab = try XCTUnwrap(analysis.result(id: "AB"))
        XCTAssertEqual(ab.energyAboveHull, 0, accuracy: 1e-12)
        XCTAssertEqual(ab.phaseSeparationEnergy ?? .nan, 0, accuracy: 1e-12)
        XCTAssertEqual(Set(ab.decomposition.map(\.id)), ["A2B", "AB2"])
    }

    func testOnlyUnstableCompoundsAndSingleElement() throws {
        let analysis = try StabilityAnalysis(entries: [
            try entry("Li", "Li", -1.9), try entry("Fe", "Fe", -8.3), try entry("O", "O", -4.9),
            try entry("LiFeO2", "LiFeO2", -4.0), try entry("Fe3", "Fe", -8.0),
        ])
        XCTAssertEqual(analysis.stableIDs, ["Fe", "Li", "O"])
        let ternary = try XCTUnwrap(analysis.result(id: "LiFeO2"))
        XCTAssertGreaterThan(ternary.energyAboveHull, 0)
        XCTAssertEqual(ternary.energyAboveHull, ternary.formationEnergyPerAtom, accuracy: 1e-12)
        XCTAssertEqual(Set(ternary.decomposition.map(\.id)), ["Li", "Fe", "O"])
        XCTAssertEqual(try XCTUnwrap(analysis.result(id: "Fe3")).energyAboveHull, 0.3, accuracy: 1e-12)
    }

    func testGivenReferencesAndMissingReference() throws {
        let references = [try entry("ref-Li", "Li", -2), try entry("ref-O", "O", -5)]
        let analysis = try StabilityAnalysis(entries: [try entry("LiO", "LiO", -4.5)], references: references)
        let result = try XCTUnwrap(analysis.result(id: "LiO"))
        XCTAssertEqual(result.formationEnergyPerAtom, -1, accuracy: 1e-12)
        XCTAssertTrue(result.isStable)
        XCTAssertThrowsError(try StabilityAnalysis(entries: [try entry("LiO", "LiO", -4.5), try entry("O", "O", -5)])) { error in
            XCTAssertEqual(error as? HullError, .missingElementalReference("Li"))
        }
        XCTAssertThrowsError(try StabilityAnalysis(entries: [try entry("x", "O", -5), try entry("x", "O", -4)])) { error in
            XCTAssertEqual(error as? HullError, .duplicateID("x"))
        }
    }

    func testMixedSchemesAreRefused() throws {
        let entries = [try entry("Li", "Li", -2, scheme: "MP2020"), try entry("O", "O", -5, scheme: "r2SCAN")]
        XCTAssertThrowsError(try StabilityAnalysis(entries: entries)) { error in
            XCTAssertEqual(error as? HullError, .mixedCorrectionSchemes(["MP2020", "r2SCAN"]))
        }
    }
}
