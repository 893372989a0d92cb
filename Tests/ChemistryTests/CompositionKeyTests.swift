import XCTest
@testable import Chemistry

final class CompositionKeyTests: XCTestCase {
    func testReducedFormulaOrdersByElectronegativityAndDividesIntegers() throws {
        XCTAssertEqual(try Composition(formula: "Fe4O6").reducedFormula, "Fe2O3")
        XCTAssertEqual(try Composition(formula: "O4CuLa2").reducedFormula, "La2CuO4")
        XCTAssertEqual(try Composition(formula: "La1.85Sr0.15CuO4").reducedFormula, "Sr0.15La1.85CuO4")
        XCTAssertEqual(try Composition(formula: "Fe4O6").reductionFactor, 2)
    }

    func testHillFormula() throws {
        XCTAssertEqual(try Composition(formula: "CH3COOH").hillFormula, "C2H4O2")
        XCTAssertEqual(try Composition(formula: "H2SO4").hillFormula, "H2O4S")
        XCTAssertEqual(try Composition(formula: "NaCl").hillFormula, "ClNa")
    }

    func testChemicalSystemAndPrototypes() throws {
        let cuprate = try Composition(formula: "La2CuO4")
        XCTAssertEqual(cuprate.chemicalSystem, "Cu-La-O")
        XCTAssertEqual(cuprate.formulaPrototype, "A2BC4")
        XCTAssertEqual(cuprate.anonymizedFormula, "AB2C4")
        XCTAssertEqual(cuprate.elementCount, 3)
        XCTAssertEqual(try Composition(formula: "La2-xSrxCuO4", bindings: .init(variables: ["x": 0.1])).chemicalSystem, "Cu-La-O-Sr")
    }

    func testFractionsSumToOne() throws {
        let composition = try Composition(formula: "Ba0.4K0.6Fe2As2")
        XCTAssertEqual(composition.fractions.values.reduce(0, +), 1, accuracy: 1e-12)
        XCTAssertEqual(composition.fractions["Fe"] ?? 0, 0.4, accuracy: 1e-12)
    }

    func testCanonicalKeyIdentifiesScaledCompositions() throws {
        let a = try Composition(formula: "Fe2O3")
        let b = try Composition(formula: "Fe4O6")
        let c = try Composition(formula: "Fe0.4O0.6")
        XCTAssertEqual(a.canonicalKey(), b.canonicalKey())
        XCTAssertEqual(a.canonicalKey(), c.canonicalKey())
        XCTAssertEqual(a.canonicalKey(), "Fe0.4O0.6")
        XCTAssertNotEqual(a.canonicalKey(), try Composition(formula: "Fe3O4").canonicalKey())
        XCTAssertTrue(a.isApproximatelyEqual(to: c))
        XCTAssertFalse(a.isApproximatelyEqual(to: try Composition(formula: "Fe2.001O3")))
    }

    func testCanonicalKeyIsIndependentOfWritingOrder() throws {
        XCTAssertEqual(try Composition(formula: "OCu").canonicalKey(), try Composition(formula: "CuO").canonicalKey())
        XCTAssertEqual(try Composition(formula: "YBa2Cu3O7").canonicalKey(), try Composition(formula: "Ba2YCu3O7").canonicalKey())
    }

    func testAmountFormatting() {
        XCTAssertEqual(AmountFormatting.format(2.0), "2")
        XCTAssertEqual(AmountFormatting.format(0.15), "0.15")
        XCTAssertEqual(AmountFormatting.format(1.0 / 3.0), "0.333333")
        XCTAssertEqual(AmountFormatting.format(-0.5), "-0.5")
        XCTAssertEqual(AmountFormatting.format(0.0000004), "0")
        XCTAssertEqual(AmountFormatting.format(0.025), "0.025")
    }

    func testCompositionFromAmountsRejectsNonPositive() {
        XCTAssertThrowsError(try Composition(symbolAmounts: ["Fe": 0]))
        XCTAssertThrowsError(try Composition(symbolAmounts: ["Fe": -1]))
        XCTAssertThrowsError(try Composition(symbolAmounts: ["Qq": 1]))
        XCTAssertThrowsError(try Composition(symbolAmounts: [:]))
        XCTAssertEqual(try Composition(symbolAmounts: ["Fe": 2, "O": 3]), try Composition(formula: "Fe2O3"))
    }

    func testEleMDOnSimpleCases() throws {
        let nacl = try Composition(formula: "NaCl")
        XCTAssertEqual(try ElementMoversDistance.distance(nacl, nacl), 0)
        let kcl = try Composition(formula: "KCl")
        guard let na = PeriodicTable.element(symbol: "Na")?.modifiedPettifor,
              let k = PeriodicTable.element(symbol: "K")?.modifiedPettifor else {
            return XCTFail("Na/K have no modified Pettifor number")
        }
        // Half the weight moves from Na to K.
        XCTAssertEqual(try ElementMoversDistance.distance(nacl, kcl), 0.5 * Double(abs(na - k)), accuracy: 1e-12)
        // Symmetric.
        let a = try Composition(formula: "Fe2O3"), b = try Composition(formula: "Fe3O4")
        XCTAssertEqual(try ElementMoversDistance.distance(a, b), try ElementMoversDistance.distance(b, a), accuracy: 1e-12)
    }
}
