@testable import Charts
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The binary and ternary hull diagrams: one circle per entry, the hull through the stable ones,
/// compositions placed where they belong, colours by energy above the hull.
final class HullChartTests: XCTestCase {
    private func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    private let binary = [
        HullPoint(label: "Fe", fractions: [1, 0], formationEnergy: 0, energyAboveHull: 0, stable: true),
        HullPoint(label: "Fe2O3", fractions: [0.4, 0.6], formationEnergy: -1.7, energyAboveHull: 0, stable: true),
        HullPoint(label: "FeO", fractions: [0.5, 0.5], formationEnergy: -1.48, energyAboveHull: 0, stable: true),
        HullPoint(label: "Fe3O4", fractions: [3.0 / 7, 4.0 / 7], formationEnergy: -1.55, energyAboveHull: 0.05, stable: false),
        HullPoint(label: "O", fractions: [0, 1], formationEnergy: 0, energyAboveHull: 0, stable: true),
        HullPoint(label: "bad", fractions: [0.5, 0.5], formationEnergy: .nan, energyAboveHull: 0, stable: false),
    ]

    func testBinaryHullDrawsEveryFiniteEntryAndTheHullInCompositionOrder() throws {
        let svg = BinaryHullChart(id: "hull", title: "Fe-O", elements: ["Fe", "O"], points: binary).svg()
        XCTAssertTrue(XMLParser(data: Data(svg.utf8)).parse())
        XCTAssertEqual(count("class=\"entry stable\"", in: svg), 4)
        XCTAssertEqual(count("class=\"entry\"", in: svg), 1, "the NaN entry is left out")
        XCTAssertEqual(count("class=\"hull\"", in: svg), 1)
        // The hull visits Fe (x = 0), FeO (0.5), Fe2O3 (0.6), O (1): x increases along the line.
        let points = try XCTUnwrap(svg.components(separatedBy: "<polyline points=\"").dropFirst().first?.prefix { $0 != "\"" })
        let xs = points.split(separator: " ").compactMap { Double($0.split(separator: ",")[0]) }
        XCTAssertEqual(xs.count, 4)
        XCTAssertEqual(xs, xs.sorted())
        XCTAssertTrue(svg.contains("data-e-above-hull=\"0.05\""))
        XCTAssertTrue(svg.contains("fraction of O in Fe–O") && svg.contains("formation energy (eV/atom)"), "axes with units")
        XCTAssertTrue(BinaryHullChart(id: "e", title: "t", elements: ["Fe", "O"], points: []).svg().contains("no data"))
    }

    func testTernaryPlacesCornersAndJoinsDecompositions() {
        let corner = TernaryHullChart.position([0, 0, 1], side: 100, x0: 0, y0: 100)
        XCTAssertEqual(corner.x, 50, accuracy: 1e-9)
        XCTAssertEqual(corner.y, 100 - 50 * 3.0.squareRoot(), accuracy: 1e-9)
        let middle = TernaryHullChart.position([1, 1, 0], side: 100, x0: 0, y0: 100)
        XCTAssertEqual(middle.x, 50, accuracy: 1e-9)
        XCTAssertEqual(middle.y, 100, accuracy: 1e-9)

        let points = [
            HullPoint(label: "Li", fractions: [1, 0, 0], formationEnergy: 0, energyAboveHull: 0, stable: true),
            HullPoint(label: "Fe", fractions: [0, 1, 0], formationEnergy: 0, energyAboveHull: 0, stable: true),
            HullPoint(label: "O", fractions: [0, 0, 1], formationEnergy: 0, energyAboveHull: 0, stable: true),
            HullPoint(label: "LiFeO2", fractions: [0.25, 0.25, 0.5], formationEnergy: -1.9, energyAboveHull: 0, stable: true),
            HullPoint(label: "Li5FeO4", fractions: [0.5, 0.1, 0.4], formationEnergy: -1.8, energyAboveHull: 0.2, stable: false,
                      decomposition: ["LiFeO2", "Li", "O"]),
        ]
        let svg = TernaryHullChart(id: "hull", title: "Li-Fe-O", elements: ["Li", "Fe", "O"], points: points).svg()
        XCTAssertTrue(XMLParser(data: Data(svg.utf8)).parse())
        XCTAssertEqual(count("class=\"entry stable\"", in: svg), 4)
        XCTAssertEqual(count("class=\"entry\"", in: svg), 1)
        XCTAssertEqual(count("class=\"tie-line\"", in: svg), 3, "Li–LiFeO2, Li–O, LiFeO2–O")
        let stable = Dictionary(uniqueKeysWithValues: points.filter(\.stable).map { ($0.label, $0) })
        XCTAssertEqual(TernaryHullChart.tieLines(points, stable: stable).map { "\($0.0)-\($0.1)" }, ["Li-LiFeO2", "Li-O", "LiFeO2-O"])
        XCTAssertEqual(count("class=\"corner-label\"", in: svg), 3)
    }
}
