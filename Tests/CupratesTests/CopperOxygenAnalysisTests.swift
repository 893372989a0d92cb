import Crystal
import Cuprates
import Foundation
import XCTest

/// Cu–O plane geometry on real cuprate CIFs, checked against pymatgen's neighbour analysis.
final class CopperOxygenAnalysisTests: XCTestCase {
    private struct Fixture: Decodable {
        struct Entry: Decodable {
            let file: String
            let planeCopperCount: Int
            let inPlane: [Double]
            let apical: [Double]
        }
        let entries: [Entry]
    }

    /// Every structure of the fixture (scripts/make-cuprate-distance-fixture.py): same plane
    /// coppers, in-plane bonds and apical distances as pymatgen within 1e-3 Å.
    func testDistancesAgreeWithPymatgenNeighbourAnalysis() throws {
        let data = try Data(contentsOf: CupratesTestData.fixtures.appendingPathComponent("pymatgen-cu-o-distances.json"))
        let fixture = try JSONDecoder().decode(Fixture.self, from: data)
        XCTAssertGreaterThanOrEqual(fixture.entries.count, 50)
        var compared = 0
        for entry in fixture.entries {
            let geometry = try CopperOxygenAnalysis.analyse(CupratesTestData.structure(entry.file))
            XCTAssertEqual(geometry.planeSites.count, entry.planeCopperCount, entry.file)
            let inPlane = geometry.planeSites.flatMap { $0.inPlane.map(\.distance) }.sorted()
            let apical = geometry.planeSites.compactMap { $0.apical?.distance }.sorted()
            XCTAssertEqual(inPlane.count, entry.inPlane.count, entry.file)
            XCTAssertEqual(apical.count, entry.apical.count, entry.file)
            for (ours, theirs) in zip(inPlane, entry.inPlane) { XCTAssertEqual(ours, theirs, accuracy: 1e-3, entry.file) }
            for (ours, theirs) in zip(apical, entry.apical) { XCTAssertEqual(ours, theirs, accuracy: 1e-3, entry.file) }
            compared += inPlane.count + apical.count
        }
        XCTAssertGreaterThan(compared, 1000)
    }

    /// YBa2Cu3O7 (mp-20674): two plane coppers; the chain copper is not a plane copper.
    func testY123HasTwoPlaneCoppersAndNoChainCopper() throws {
        let structure = try CupratesTestData.structure("mp/mp-20674.cif")
        let geometry = try CopperOxygenAnalysis.analyse(structure)
        XCTAssertEqual(geometry.planeSites.count, 2)
        XCTAssertEqual(structure.sites.filter { $0.species.contains { $0.element.symbol == "Cu" } }.count, 3)
        let apical = try XCTUnwrap(geometry.apicalDistance)
        XCTAssertEqual(apical, 2.3, accuracy: 0.15)
        XCTAssertEqual(geometry.inPlaneDistance, 1.95, accuracy: 0.05)
        XCTAssertEqual(try XCTUnwrap(geometry.stackingPeriod), structure.lattice.parameters.c, accuracy: 0.05)
        XCTAssertEqual(geometry.aStar, 3.9, accuracy: 0.1)
    }

    /// Nd2CuO4 (mp-4158) is a T' structure: CuO2 planes without apical oxygen.
    func testTPrimeStructureReportsNoApicalOxygen() throws {
        let geometry = try CopperOxygenAnalysis.analyse(CupratesTestData.structure("mp/mp-4158.cif"))
        XCTAssertFalse(geometry.planeSites.isEmpty)
        XCTAssertTrue(geometry.isWithoutApicalOxygen)
        XCTAssertNil(geometry.apicalDistance)
    }

    /// La1.85Sr0.15CuO4 in a primitive body-centred cell: the stacking period is the conventional
    /// c (about 13.2 Å), not a primitive edge, and the apical oxygen is about 2.4 Å away.
    func testLa214StackingPeriodIsConventionalC() throws {
        let structure = try CupratesTestData.structure("mp-doped/Cu1La1.85Sr0.15O4-MP-mp-1180676-synth_doped.cif")
        let geometry = try CopperOxygenAnalysis.analyse(structure)
        XCTAssertEqual(try XCTUnwrap(geometry.stackingPeriod), 13.2, accuracy: 0.3)
        XCTAssertEqual(try XCTUnwrap(geometry.apicalDistance), 2.44, accuracy: 0.1)
        XCTAssertLessThan(structure.lattice.parameters.c, 8)
    }

    /// La2CuO4 with the in-plane oxygen sites 90 % occupied: they still count, the occupancy is
    /// reported, and the distances do not change.
    func testPartialOxygenOccupancyCountsAndIsReported() throws {
        let structure = try CupratesTestData.structure("mp-doped/Cu1La1.85Sr0.15O4-MP-mp-1180676-synth_doped.cif")
        let full = try CopperOxygenAnalysis.analyse(structure)
        let sites = structure.sites.map { site -> Site in
            guard site.label == "O3" else { return site }
            return Site(species: site.species.map { $0.with(occupancy: 0.9) }, fractional: site.fractional, label: site.label)
        }
        let partial = try CopperOxygenAnalysis.analyse(Structure(lattice: structure.lattice, sites: sites))
        XCTAssertEqual(full.minimumOxygenOccupancy, 1)
        XCTAssertEqual(full.partialOxygenBondCount, 0)
        XCTAssertEqual(partial.minimumOxygenOccupancy, 0.9, accuracy: 1e-12)
        XCTAssertEqual(partial.partialOxygenBondCount, 4)
        XCTAssertEqual(partial.inPlaneDistance, full.inPlaneDistance, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(partial.apicalDistance), try XCTUnwrap(full.apicalDistance), accuracy: 1e-12)
        XCTAssertEqual(partial.planeSites.first?.apical?.occupancy, 1)
    }

    /// A doped La214: copper sharing its site with Zn counts once, with its occupancy reported.
    func testCopperSharingItsSiteIsReported() throws {
        let geometry = try CopperOxygenAnalysis.analyse(
            CupratesTestData.structure("mp-doped/Cu0.95La2Zn0.05O4-MP-mp-1077929-synth_doped.cif"))
        XCTAssertEqual(geometry.planeSites.count, 1)
        XCTAssertEqual(geometry.minimumCopperOccupancy, 0.95, accuracy: 1e-9)
    }

    /// A 3D corner-sharing network (LaCuO2.54, perovskite-like) has no CuO2 plane, even though
    /// every copper has four and more bridging oxygens.
    func testThreeDimensionalNetworkIsNotAPlane() throws {
        XCTAssertThrowsError(try CopperOxygenAnalysis.analyse(
            CupratesTestData.structure("mp-doped/Cu1La1O2.54-MP-mp-1076070-synth_doped.cif"))) {
            XCTAssertEqual($0 as? CuprateGeometryError, .noCopperOxygenPlane)
        }
    }

    /// Structures without copper or without planes say so.
    func testNonCuprateReportsWhy() throws {
        XCTAssertThrowsError(try CopperOxygenAnalysis.analyse(CupratesTestData.structure("mp/mp-10003.cif"))) {
            XCTAssertEqual($0 as? CuprateGeometryError, .noCopper)
        }
        // Cu2O (mp-361): linear O–Cu–O, no plane.
        XCTAssertThrowsError(try CopperOxygenAnalysis.analyse(CupratesTestData.structure("mp/mp-361.cif"))) {
            XCTAssertEqual($0 as? CuprateGeometryError, .noCopperOxygenPlane)
        }
    }
}
