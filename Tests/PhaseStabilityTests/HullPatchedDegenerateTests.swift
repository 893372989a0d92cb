import Chemistry
import PhaseStability
import XCTest

/// `PatchedHull` (composition-level formation energies) on small hand-made systems, eV/atom.
final class HullPatchedDegenerateTests: XCTestCase {
    private func entry(_ id: String, _ formula: String, _ formation: Double) throws -> FormationEntry {
        FormationEntry(id: id, composition: try Composition(formula: formula), formationEnergyPerAtom: formation)
    }

    private func result(_ hull: PatchedHull, _ id: String) throws -> FormationStability {
        try XCTUnwrap(hull.results.first { $0.id == id }, "no result for \(id)")
    }

    func testBinaryHullWithImplicitReferences() throws {
        let hull = try PatchedHull(entries: [
            try entry("AB", "LiO", -1),        // x = 1/2, −1: vertex
            try entry("A2B", "Li2O", -0.5),    // x = 1/3: hull −2/3 → 1/6 above
            try entry("AB2", "LiO2", 0.1),     // above the elements
        ])
        XCTAssertEqual(hull.stableIDs, ["AB"])
        XCTAssertEqual(hull.implicitReferences, ["Li", "O"])
        XCTAssertEqual(hull.systemCount, 1)
        let a2b = try result(hull, "A2B")
        XCTAssertEqual(a2b.energyAboveHull, 1.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(a2b.phaseSeparationEnergy, 1.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(a2b.decompositionByFormula["LiO"] ?? 0, 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(a2b.decompositionByFormula["Li"] ?? 0, 1.0 / 3, accuracy: 1e-12)
        XCTAssertNil(a2b.decomposition.first { $0.formula == "Li" }?.id, "implicit reference has no entry id")
        // Without AB the hull at x = 1/2 runs Li2O (1/3, −0.5) – O (1, 0): −0.375.
        XCTAssertEqual(try result(hull, "AB").phaseSeparationEnergy, -0.625, accuracy: 1e-12)
        let ab2 = try result(hull, "AB2")
        // LiO2 at x(O) = 2/3 lies above the segment LiO (1/2, −1) – O (1, 0): hull −2/3.
        XCTAssertEqual(ab2.energyAboveHull, 0.1 + 2.0 / 3, accuracy: 1e-12)
        XCTAssertEqual(Set(ab2.decompositionByFormula.keys), ["LiO", "O"])
    }

    func testSingleElementSystems() throws {
        let hull = try PatchedHull(entries: [
            try entry("Fe-a", "Fe", 0.05), try entry("Fe-b", "Fe2", 0.2),   // both above the reference
            try entry("O-a", "O", -0.02), try entry("O-b", "O", 0.03),       // one below 0 replaces the reference
        ])
        XCTAssertEqual(hull.stableIDs, ["O-a"])
        XCTAssertEqual(hull.implicitReferences, [], "both elements have elemental entries")
        XCTAssertEqual(try result(hull, "Fe-a").energyAboveHull, 0.05, accuracy: 1e-12)
        XCTAssertEqual(try result(hull, "Fe-b").energyAboveHull, 0.2, accuracy: 1e-12)
        XCTAssertEqual(try result(hull, "O-b").energyAboveHull, 0.05, accuracy: 1e-12)
        XCTAssertEqual(try result(hull, "O-b").decomposition.map(\.id), ["O-a"])
    }

    func testCollinearPointIsOnTheHullButNotAVertex() throws {
        let hull = try PatchedHull(entries: [
            try entry("A2B", "Fe2O", -1), try entry("AB2", "FeO2", -1), try entry("AB", "FeO", -1),
        ])
        XCTAssertEqual(hull.stableIDs, ["A2B", "AB2"])
        let ab = try result(hull, "AB")
        XCTAssertFalse(ab.isStable)
        XCTAssertEqual(ab.energyAboveHull, 0, accuracy: 1e-12)
        XCTAssertEqual(ab.phaseSeparationEnergy, 0, accuracy: 1e-12)
        XCTAssertEqual(Set(ab.decompositionByFormula.keys), ["Fe2O", "FeO2"])
    }

    func testSystemWithOnlyUnstableEntries() throws {
        let hull = try PatchedHull(entries: [try entry("t1", "LiFeO2", 0.3), try entry("t2", "Li2FeO3", 0.1)])
        XCTAssertEqual(hull.stableIDs, [])
        let t1 = try result(hull, "t1")
        XCTAssertEqual(t1.energyAboveHull, 0.3, accuracy: 1e-12)
        XCTAssertEqual(t1.decompositionByFormula["O"] ?? 0, 0.5, accuracy: 1e-12)
        XCTAssertEqual(t1.decompositionByFormula["Li"] ?? 0, 0.25, accuracy: 1e-12)
        XCTAssertEqual(try result(hull, "t2").phaseSeparationEnergy, 0.1, accuracy: 1e-12)
    }

    func testDuplicateCompositions() throws {
        let hull = try PatchedHull(entries: [
            try entry("first", "Fe2O3", -1.7), try entry("same", "Fe4O6", -1.7), try entry("higher", "Fe2O3", -1.5),
            try entry("FeO", "FeO", -1.6),
        ])
        // Equal energies: the first is the vertex, the twin lies on the hull.
        XCTAssertEqual(hull.stableIDs, ["FeO", "first"])
        XCTAssertEqual(try result(hull, "same").energyAboveHull, 0, accuracy: 1e-12)
        XCTAssertFalse(try result(hull, "same").isStable)
        XCTAssertEqual(try result(hull, "higher").energyAboveHull, 0.2, accuracy: 1e-12)
        // Hull without Fe2O3 at x(O) = 0.6: FeO (0.5, −1.6) – O (1, 0) gives −1.28.
        XCTAssertEqual(try result(hull, "first").phaseSeparationEnergy, -1.7 + 1.28, accuracy: 1e-12)
        XCTAssertEqual(try result(hull, "higher").phaseSeparationEnergy, -1.5 + 1.28, accuracy: 1e-12)
    }

    func testMissingElementalReferencesAreAllNamed() throws {
        let entries = [try entry("x", "LiFeO2", -1), try entry("o", "O", 0), try entry("y", "CaTiO3", -3)]
        XCTAssertThrowsError(try PatchedHull(entries: entries, requireElementalEntries: true)) { error in
            XCTAssertEqual(error as? HullError, .missingElementalReferences(["Li", "Ca", "Ti", "Fe"]))
        }
        let hull = try PatchedHull(entries: entries)
        XCTAssertEqual(hull.implicitReferences, ["Li", "Ca", "Ti", "Fe"])
        XCTAssertEqual(hull.stableIDs, ["o", "x", "y"])
    }

    func testQuaternaryUsesSubsystemVerticesAndInvalidInput() throws {
        let hull = try PatchedHull(entries: [
            try entry("LiO", "Li2O", -2), try entry("FeO", "FeO", -1.5), try entry("LFO", "LiFeO2", -1.6),
            try entry("LFPO", "LiFePO4", -1.0),
        ])
        // Without LiFeO2 its composition decomposes into Li2O (3/8 of the atoms), FeO (1/2) and O (1/8): −1.5.
        let lfo = try result(hull, "LFO")
        let mixture = -2.0 * 3 / 8 + -1.5 / 2
        XCTAssertEqual(lfo.phaseSeparationEnergy, -1.6 - mixture, accuracy: 1e-12)
        XCTAssertTrue(lfo.isStable)
        XCTAssertThrowsError(try PatchedHull(entries: [try entry("a", "Fe", .nan)])) { error in
            XCTAssertEqual(error as? HullError, .invalidEntry(id: "a"))
        }
        XCTAssertThrowsError(try PatchedHull(entries: [try entry("a", "Fe", 0), try entry("a", "O", 0)])) { error in
            XCTAssertEqual(error as? HullError, .duplicateID("a"))
        }
    }

    func testResultsDoNotDependOnWorkerCount() throws {
        var entries: [FormationEntry] = []
        let formulas = ["LiO", "Li2O", "FeO", "Fe2O3", "LiFeO2", "Li5FeO4", "LiFe5O8", "FeP", "LiP", "LiFePO4", "Li3PO4", "FePO4"]
        for (index, formula) in formulas.enumerated() {
            entries.append(try entry("e\(index)", formula, -0.2 * Double(index % 5) - 0.3))
        }
        let serial = try PatchedHull(entries: entries, workers: 1)
        let parallel = try PatchedHull(entries: entries, workers: 4)
        XCTAssertEqual(serial.results, parallel.results)
        XCTAssertEqual(serial.systemCount, 8)
    }
}
