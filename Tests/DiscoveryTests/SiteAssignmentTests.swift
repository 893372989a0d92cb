import Chemistry
import Discovery
import XCTest

final class SiteAssignmentTests: XCTestCase {
    func testRoundTripAndSubstitution() throws {
        let nacl = try SiteAssignment(label: "AB_cF8_225_a_b:Cl-Na")
        XCTAssertEqual(nacl.label, "AB_cF8_225_a_b:Cl-Na")
        XCTAssertEqual(nacl.amounts, ["Cl": 4, "Na": 4])
        let kcl = try XCTUnwrap(nacl.substituting("Na", with: "K"))
        XCTAssertEqual(kcl.label, "AB_cF8_225_a_b:Cl-K")
        // Perovskite CaTiO3: Ca on a (1), O on c (3), Ti on b (1); Ca → Sr reorders the elements.
        let perovskite = try SiteAssignment(label: "AB3C_cP5_221_a_c_b:Ca-O-Ti")
        let srtio3 = try XCTUnwrap(perovskite.substituting("Ca", with: "Sr"))
        XCTAssertEqual(srtio3.label, "A3BC_cP5_221_c_a_b:O-Sr-Ti")
        XCTAssertNil(perovskite.substituting("Ca", with: "Ti"), "Ti is already present")
    }

    func testPrototypeKeyIgnoresElementIdentity() throws {
        let nacl = try SiteAssignment(label: "AB_cF8_225_a_b:Cl-Na").prototypeKey
        let mgo = try SiteAssignment(label: "AB_cF8_225_a_b:Mg-O").prototypeKey
        let cscl = try SiteAssignment(label: "AB_cP2_221_a_b:Cl-Cs").prototypeKey
        XCTAssertEqual(nacl, mgo)
        XCTAssertNotEqual(nacl, cscl)
    }

    func testRejectsBadLabels() {
        XCTAssertThrowsError(try SiteAssignment(label: "AB_cF8_225_a_b:Cl-Xx"))
        XCTAssertThrowsError(try SiteAssignment(label: "AB_cF8_225_a:Cl-Na"))
        XCTAssertThrowsError(try SiteAssignment(label: "not a label"))
    }
}
