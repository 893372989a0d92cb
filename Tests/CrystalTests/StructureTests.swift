import Foundation
import Chemistry
import Crystal
import XCTest

final class StructureTests: XCTestCase {
    private func element(_ symbol: String) throws -> Element {
        try XCTUnwrap(PeriodicTable.element(symbol: symbol))
    }

    /// Conventional rock salt, a = 5.64 Å.
    private func rockSalt() throws -> Structure {
        let lattice = try Lattice(a: 5.64, b: 5.64, c: 5.64, alpha: 90, beta: 90, gamma: 90)
        let na = Species(element: try element("Na"), oxidationState: 1)
        let cl = Species(element: try element("Cl"), oxidationState: -1)
        let fcc = [Vector3(0, 0, 0), Vector3(0.5, 0.5, 0), Vector3(0.5, 0, 0.5), Vector3(0, 0.5, 0.5)]
        let sites = fcc.map { Site(species: [na], fractional: $0, label: "Na") }
            + fcc.map { Site(species: [cl], fractional: $0 + Vector3(0.5, 0, 0), label: "Cl") }
        return try Structure(lattice: lattice, sites: sites)
    }

    func testRockSaltProperties() throws {
        let s = try rockSalt()
        XCTAssertEqual(s.composition, try Composition(formula: "Na4Cl4"))
        XCTAssertTrue(s.isOrdered)
        XCTAssertEqual(s.volumePerSite, pow(5.64, 3) / 8, accuracy: 1e-9)
        XCTAssertEqual(s.density, 2.164, accuracy: 0.01)
        XCTAssertEqual(s.distance(0, 4), 2.82, accuracy: 1e-9)
        // Minimum image: Na at 0 and Cl at (0.5,0,0) are 2.82 Å apart; Na–Na nearest is a/√2.
        XCTAssertEqual(s.distance(0, 1), 5.64 / 2.0.squareRoot(), accuracy: 1e-9)
        XCTAssertEqual(s.sites[4].species[0].symbol, "Cl-")
        let neighbours = s.neighbors(of: 0, within: 3.0)
        XCTAssertEqual(neighbours.count, 6)
        XCTAssertTrue(neighbours.allSatisfy { abs($0.distance - 2.82) < 1e-9 && $0.index >= 4 })
        XCTAssertEqual(s.neighbors(of: 0, within: 4.0).count, 18)
    }

    func testNeighboursBeyondOneCell() throws {
        let lattice = try Lattice(a: 2, b: 2, c: 2, alpha: 90, beta: 90, gamma: 90)
        let s = try Structure(lattice: lattice, sites: [Site(species: [Species(element: try element("Po"))], fractional: .zero)])
        // Simple cubic: 6 at 2 Å, 12 at 2√2, 8 at 2√3, 6 at 4 Å.
        XCTAssertEqual(s.neighbors(of: 0, within: 4.0001).count, 32)
    }

    func testDisorderedSiteCountsWithOccupancy() throws {
        let lattice = try Lattice(a: 3, b: 3, c: 3, alpha: 90, beta: 90, gamma: 90)
        let site = Site(species: [Species(element: try element("Fe"), occupancy: 0.5),
                                  Species(element: try element("Ni"), occupancy: 0.25)], fractional: .zero)
        let s = try Structure(lattice: lattice, sites: [site])
        XCTAssertFalse(s.isOrdered)
        XCTAssertEqual(s.composition.amounts, ["Fe": 0.5, "Ni": 0.25])
    }

    func testInvalidStructuresAreRejected() throws {
        let lattice = try Lattice(a: 3, b: 3, c: 3, alpha: 90, beta: 90, gamma: 90)
        XCTAssertThrowsError(try Structure(lattice: lattice, sites: [])) { XCTAssertEqual($0 as? StructureError, .noSites) }
        let over = Site(species: [Species(element: try element("Fe"), occupancy: 0.7),
                                  Species(element: try element("Ni"), occupancy: 0.7)], fractional: .zero)
        XCTAssertThrowsError(try Structure(lattice: lattice, sites: [over])) {
            guard case .overfullSite? = $0 as? StructureError else { return XCTFail("\($0)") }
        }
        let nan = Site(species: [Species(element: try element("Fe"))], fractional: Vector3(.nan, 0, 0))
        XCTAssertThrowsError(try Structure(lattice: lattice, sites: [nan])) {
            XCTAssertEqual($0 as? StructureError, .nonFiniteCoordinate(index: 0))
        }
    }
}
