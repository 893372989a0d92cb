import Chemistry
import Crystal
import XCTest

/// The spglib wrapper: results, recorded tolerances, refusals and the space-group database.
final class SymmetryAnalysisTests: XCTestCase {
    private func element(_ symbol: String) throws -> Element { try XCTUnwrap(PeriodicTable.element(symbol: symbol)) }

    private func rockSalt() throws -> Structure {
        let lattice = try Lattice(a: 5.64, b: 5.64, c: 5.64, alpha: 90, beta: 90, gamma: 90)
        let f = [Vector3(0, 0, 0), Vector3(0, 0.5, 0.5), Vector3(0.5, 0, 0.5), Vector3(0.5, 0.5, 0)]
        let na = try f.map { Site(species: [Species(element: try element("Na"))], fractional: $0) }
        let cl = try f.map { Site(species: [Species(element: try element("Cl"))], fractional: $0 + Vector3(0.5, 0, 0)) }
        return try Structure(lattice: lattice, sites: na + cl)
    }

    func testRockSaltWithRecordedTolerancesAndVersion() throws {
        let result = try SymmetryAnalysis.analyse(rockSalt())
        XCTAssertEqual(result.spaceGroupNumber, 225)
        XCTAssertEqual(result.internationalSymbol, "Fm-3m")
        XCTAssertEqual(result.hallNumber, 523)
        XCTAssertEqual(result.crystalSystem, .cubic)
        XCTAssertEqual(result.pearsonSymbol, "cF8")
        XCTAssertEqual(result.primitiveAtomCount, 2)
        XCTAssertEqual(result.operationCount, 192)
        XCTAssertEqual(Set(result.wyckoffLetters), ["a", "b"])
        XCTAssertEqual(result.equivalentAtoms, [0, 0, 0, 0, 4, 4, 4, 4])
        XCTAssertEqual(result.options, .materialsProject)
        XCTAssertEqual(result.symprec, 0.1)
        XCTAssertEqual(result.options.angleTolerance, 5)
        XCTAssertFalse(result.retried)
        XCTAssertEqual(result.spglibVersion.major, 2)
        XCTAssertEqual(result.spglibVersion, SpglibVersion.current)
    }

    func testDisorderedSiteIsRefusedByName() throws {
        let lattice = try Lattice(a: 3, b: 3, c: 3, alpha: 90, beta: 90, gamma: 90)
        let site = Site(species: [Species(element: try element("Fe"), occupancy: 0.5), Species(element: try element("Ni"), occupancy: 0.5)],
                        fractional: .zero, label: "M1")
        let structure = try Structure(lattice: lattice, sites: [site])
        XCTAssertThrowsError(try SymmetryAnalysis.analyse(structure)) { error in
            XCTAssertEqual(error as? SymmetryError, .disorderedSite(index: 0, label: "M1", species: "Fe:0.5 Ni:0.5"))
        }
    }

    func testCoincidentSitesAreRefused() throws {
        let lattice = try Lattice(a: 4, b: 4, c: 4, alpha: 90, beta: 90, gamma: 90)
        XCTAssertThrowsError(try SymmetryAnalysis.analyse(lattice: lattice, positions: [Vector3(0, 0, 0), Vector3(0.5, 0.5, 0.5), Vector3(0.99999, 0, 0)],
                                                          types: [1, 1, 1])) { error in
            guard case .coincidentSites(0, 2, let d)? = error as? SymmetryError else { return XCTFail("\(error)") }
            XCTAssertEqual(d, 4e-5, accuracy: 1e-9)
        }
    }

    func testSpaceGroupSymbolsResolve() {
        XCTAssertEqual(SpaceGroupDatabase.types.count, 530)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "F m -3 m"), 523)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "P 1 21/c 1"), 81)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "P21/c"), 81)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "P 1 1 21/a"), 84)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "Fd-3m"), 525)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "F d -3 m Z"), 526)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "Fd-3m:2"), 526)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "F d -3 m S"), 525)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "R -3 m H"), 458)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "R-3m:R"), 459)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "R -3 m", rhombohedralAxes: true), 459)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "C2:b1"), 9)
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hermannMauguin: "P 4_2/m_n_m"), SpaceGroupDatabase.hallNumber(hermannMauguin: "P42/mnm"))
        XCTAssertNil(SpaceGroupDatabase.hallNumber(hermannMauguin: "X 9 q"))
        XCTAssertEqual(SpaceGroupDatabase.hallNumber(hallSymbol: "-P  2ac"), 84)
        XCTAssertEqual(SpaceGroupDatabase.operations(hallNumber: 523).count, 192)
        XCTAssertEqual(SpaceGroupDatabase.operations(hallNumber: 1).map(\.text), ["x,y,z"])
        XCTAssertEqual(SpaceGroupDatabase.operations(hallNumber: 9).map(\.text), ["x,y,z", "-x,y,-z", "x+1/2,y+1/2,z", "-x+1/2,y+1/2,-z"])
    }
}
