import Chemistry
import Discovery
import XCTest

final class ProtostructureValidityTests: XCTestCase {
    func testValidLabelMatchesItsComposition() throws {
        XCTAssertNil(ProtostructureValidity.problem(label: "AB3C_cP5_221_a_c_b:Ca-O-Ti", composition: try Composition(formula: "CaTiO3")))
        XCTAssertNil(ProtostructureValidity.problem(label: "AB_cF8_225_a_b:Cl-Na", composition: try Composition(formula: "Na4Cl4")))
    }

    func testMismatchesAreReported() throws {
        // Wrong composition for a valid label.
        XCTAssertNotNil(ProtostructureValidity.problem(label: "AB_cF8_225_a_b:Cl-Na", composition: try Composition(formula: "NaCl2")))
        XCTAssertNotNil(ProtostructureValidity.problem(label: "AB_cF8_225_a_b:Cl-Na", composition: try Composition(formula: "KCl")))
        // The multiplicities (4 + 4) do not give AB2.
        let problem = ProtostructureValidity.problem(label: "AB2_cF8_225_a_b:Cl-Na", composition: try Composition(formula: "NaCl"))
        XCTAssertTrue(problem?.contains("multiplicities") ?? false, problem ?? "nil")
        // 8c has multiplicity 8: Na on a (4), Cl on c (8) is NaCl2, not AB.
        XCTAssertNotNil(ProtostructureValidity.problem(label: "AB_cF12_225_a_c:Cl-Na", composition: try Composition(formula: "NaCl")))
        XCTAssertEqual(ProtostructureValidity.composition(label: "AB2_cF12_225_a_c:Ca-F")?.reducedFormula, "CaF2")
    }
}
