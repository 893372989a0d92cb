import Chemistry
import Crystal
import Foundation
import XCTest

/// Protostructure labels: formula, canonical letters, origin invariance, parsing.
final class ProtostructureLabelTests: XCTestCase {
    func testPrototypeFormulaOrdersElementsByCodePoint() {
        XCTAssertEqual(PrototypeFormula.make(amounts: ["Ca": 1, "Ti": 1, "O": 3]), "AB3C")
        XCTAssertEqual(PrototypeFormula.make(amounts: ["Fe": 4, "O": 6]), "A2B3")
        // B sorts before Ba (a prefix first), so boron is A.
        XCTAssertEqual(PrototypeFormula.make(amounts: ["Ba": 1, "B": 6]), "A6B")
        XCTAssertEqual(PrototypeFormula.make(amounts: [:]), "")
    }

    /// SCIENCE.md §5: in R-3 (148) the letterings abcdef and bacedf are equivalent.
    func testRelabelingOfR3MatchesTheTextbookExample() throws {
        let maps = WyckoffTable.relabelings(spaceGroup: 148)
        XCTAssertEqual(maps.count, 2)
        XCTAssertTrue(maps.contains(["a": "b", "b": "a", "c": "c", "d": "e", "e": "d", "f": "f"]))
        XCTAssertEqual(WyckoffCanonicalisation.canonical([["b": 1], ["e": 1]], spaceGroup: 148), "a_d")
        XCTAssertEqual(WyckoffCanonicalisation.canonical("b_e", spaceGroup: 148), "a_d")
        XCTAssertEqual(WyckoffCanonicalisation.canonical("2f_a", spaceGroup: 148), "2f_a")
    }

    func testWyckoffStringsParseWithAndWithoutCounts() throws {
        XCTAssertEqual(WyckoffCanonicalisation.parse("a_dg_b_c")?.count, 4)
        XCTAssertEqual(WyckoffCanonicalisation.parse("2a3bc"), [["a": 2, "b": 3, "c": 1]])
        XCTAssertNil(WyckoffCanonicalisation.parse("a__b"))
        XCTAssertNil(WyckoffCanonicalisation.parse("a2"))
        XCTAssertNil(WyckoffCanonicalisation.parse("a-b"))
        XCTAssertEqual(WyckoffCanonicalisation.write([["b": 1, "a": 2, "A": 1], ["c": 3]]), "A2ab_3c")
    }

    func testLabelParsingRoundTrips() throws {
        for text in ["AB3C_cP5_221_a_c_b:Ca-O-Ti", "A_cF8_227_a:Si", "ABC4D_oP28_62_c_a_2cd_c:Fe-Li-O-P"] {
            XCTAssertEqual(try ProtostructureLabel(parsing: text).description, text)
        }
        let aflow = try ProtostructureLabel(parsing: "AB11CD3_cP16_221_a_dg_b_c")
        XCTAssertEqual(aflow.spaceGroupNumber, 221)
        XCTAssertEqual(aflow.chemicalSystem, "")
        for bad in ["", "AB_cF8_225", "AB_cF8_999_a_b", "AB_cF8_x_a_b", "AB_cF8_225_a-b"] {
            XCTAssertThrowsError(try ProtostructureLabel(parsing: bad), bad)
        }
    }

    /// Rock salt written with Na at the origin and with Cl at the origin: spglib may letter the
    /// two cells differently (a/b swap, an origin shift of the normaliser), the label may not.
    func testRockSaltLabelIsTheSameFromEitherOrigin() throws {
        let original = try rockSalt(shift: .zero)
        let shifted = try rockSalt(shift: Vector3(0.5, 0.5, 0.5))
        let first = try ProtostructureLabel(structure: original)
        let second = try ProtostructureLabel(structure: shifted)
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.description, "AB_cF8_225_a_b:Cl-Na")
        XCTAssertTrue(first.isCanonical)
        // Either lettering of the shifted cell canonicalises to the same string.
        XCTAssertEqual(WyckoffCanonicalisation.canonical([["a": 1], ["b": 1]], spaceGroup: 225), "a_b")
        XCTAssertEqual(WyckoffCanonicalisation.canonical([["b": 1], ["a": 1]], spaceGroup: 225), "a_b")
    }

    func testRepresentationIsValidAndCountsOrbits() throws {
        let structure = try rockSalt(shift: .zero)
        let dataset = try SymmetryAnalysis.analyse(structure)
        let representation = try WyckoffRepresentation(structure: structure, dataset: dataset)
        XCTAssertEqual(representation.orbits.count, 2)
        XCTAssertEqual(representation.elementCounts, ["Na": 4, "Cl": 4])
        XCTAssertEqual(representation.multiplicityCounts, ["Na": 4, "Cl": 4])
        XCTAssertTrue(representation.isValid)
        XCTAssertEqual(representation.pearsonSymbol, "cF8")
    }

    func testDisorderedStructureHasNoLabel() throws {
        let lattice = try Lattice(a: 4, b: 4, c: 4, alpha: 90, beta: 90, gamma: 90)
        let fe = try XCTUnwrap(PeriodicTable.element(symbol: "Fe"))
        let ni = try XCTUnwrap(PeriodicTable.element(symbol: "Ni"))
        let site = Site(species: [Species(element: fe, occupancy: 0.5), Species(element: ni, occupancy: 0.5)], fractional: .zero)
        let structure = try Structure(lattice: lattice, sites: [site])
        XCTAssertThrowsError(try ProtostructureLabel(structure: structure))
    }

    private func rockSalt(shift: Vector3) throws -> Structure {
        let lattice = try Lattice(a: 5.64, b: 5.64, c: 5.64, alpha: 90, beta: 90, gamma: 90)
        let na = try XCTUnwrap(PeriodicTable.element(symbol: "Na"))
        let cl = try XCTUnwrap(PeriodicTable.element(symbol: "Cl"))
        let centring = [Vector3(0, 0, 0), Vector3(0, 0.5, 0.5), Vector3(0.5, 0, 0.5), Vector3(0.5, 0.5, 0)]
        var sites: [Site] = []
        for t in centring {
            sites.append(Site(species: [Species(element: na)], fractional: Self.reduced(t + shift)))
            sites.append(Site(species: [Species(element: cl)],
                              fractional: Self.reduced(t + Vector3(0.5, 0, 0) + shift)))
        }
        return try Structure(lattice: lattice, sites: sites)
    }

    private static func reduced(_ v: Vector3) -> Vector3 { v - v.rounded(.down) }
}
