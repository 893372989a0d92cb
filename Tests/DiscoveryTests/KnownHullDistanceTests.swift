import Chemistry
import Discovery
import PhaseStability
import XCTest

final class KnownHullDistanceTests: XCTestCase {
    /// Li–O with Li2O at −2.0 eV/atom and implicit elemental references at 0. By hand: the hull
    /// at Li2O (x_O = 1/3) is −2.0; at LiO2 (x_O = 2/3) it lies halfway between Li2O and O:
    /// −2.0 · (1 − 2/3) / (1 − 1/3) = −1.0.
    func testSignedDistancesBelowAndAboveTheKnownHull() throws {
        let references = [
            FormationEntry(id: "li2o", composition: try Composition(formula: "Li2O"), formationEnergyPerAtom: -2.0),
            FormationEntry(id: "nacl", composition: try Composition(formula: "NaCl"), formationEnergyPerAtom: -2.1),
        ]
        let queries = [try Composition(formula: "Li2O"), try Composition(formula: "LiO2"), try Composition(formula: "Li4O2")]
        let hull = try KnownHullDistance(references: references, compositions: queries)
        XCTAssertEqual(hull.hullEnergies[0], -2.0, accuracy: 1e-9)
        XCTAssertEqual(hull.hullEnergies[1], -1.0, accuracy: 1e-9)
        XCTAssertEqual(hull.hullEnergies[2], -2.0, accuracy: 1e-9)
        XCTAssertEqual(hull.distance(formationEnergyPerAtom: -2.1, at: 0), -0.1, accuracy: 1e-9)
        XCTAssertEqual(hull.distance(formationEnergyPerAtom: -0.8, at: 1), 0.2, accuracy: 1e-9)
        XCTAssertEqual(hull.referenceCount, 1, "NaCl is outside the Li–O system")
        XCTAssertEqual(hull.implicitReferences, ["Li", "O"])
    }
}
