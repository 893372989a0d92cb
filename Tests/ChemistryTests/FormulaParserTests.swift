import XCTest
@testable import Chemistry

final class FormulaParserTests: XCTestCase {
    private func amounts(_ formula: String, bindings: FormulaBindings = .none,
                         file: StaticString = #filePath, line: UInt = #line) -> [String: Double] {
        do {
            return try Composition(formula: formula, bindings: bindings).amounts
        } catch {
            XCTFail("\(formula): \(error)", file: file, line: line)
            return [:]
        }
    }

    private func assertAmounts(_ formula: String, _ expected: [String: Double], bindings: FormulaBindings = .none,
                               file: StaticString = #filePath, line: UInt = #line) {
        let got = amounts(formula, bindings: bindings, file: file, line: line)
        XCTAssertEqual(Set(got.keys), Set(expected.keys), formula, file: file, line: line)
        for (symbol, amount) in expected {
            XCTAssertEqual(got[symbol] ?? -1, amount, accuracy: 1e-12, "\(formula) \(symbol)", file: file, line: line)
        }
    }

    private func assertRejected(_ formula: String, _ reason: FormulaError.Reason, at position: Int,
                                file: StaticString = #filePath, line: UInt = #line) {
        do {
            let parsed = try FormulaParser.parse(formula)
            XCTFail("\(formula) was accepted as \(parsed.symbolicAmounts)", file: file, line: line)
        } catch {
            XCTAssertEqual(error.reason, reason, "\(formula): \(error)", file: file, line: line)
            XCTAssertEqual(error.position, position, "\(formula): \(error)", file: file, line: line)
        }
    }

    func testSimpleAndImplicitOne() {
        assertAmounts("Fe2O3", ["Fe": 2, "O": 3])
        assertAmounts("NaCl", ["Na": 1, "Cl": 1])
        assertAmounts("Ba0.4K0.6Fe2As2", ["Ba": 0.4, "K": 0.6, "Fe": 2, "As": 2])
        assertAmounts("CoO", ["Co": 1, "O": 1])
        assertAmounts("Sr2Cu1Cl1.2O4", ["Sr": 2, "Cu": 1, "Cl": 1.2, "O": 4])
    }

    func testRepeatedElementsAreAdded() {
        assertAmounts("CH3COOH", ["C": 2, "H": 4, "O": 2])
    }

    func testNestedBrackets() {
        assertAmounts("Ag(AuS)2", ["Ag": 1, "Au": 2, "S": 2])
        assertAmounts("Ca3[Co2O6]", ["Ca": 3, "Co": 2, "O": 6])
        assertAmounts("((CH3)4N)2[SnCl6]", ["C": 8, "H": 24, "N": 2, "Sn": 1, "Cl": 6])
        assertAmounts("{Fe(CN)6}2", ["Fe": 2, "C": 12, "N": 12])
    }

    func testHydratesAndAdducts() {
        assertAmounts("CuSO4·5H2O", ["Cu": 1, "S": 1, "O": 9, "H": 10])
        assertAmounts("CuSO4*5H2O", ["Cu": 1, "S": 1, "O": 9, "H": 10])
        assertAmounts("CuSO4.H2O", ["Cu": 1, "S": 1, "O": 5, "H": 2])
        assertAmounts("CaCl2•2H2O", ["Ca": 1, "Cl": 2, "H": 4, "O": 2])
    }

    func testDotBetweenDigitsIsADecimalPoint() {
        // Deliberate: `O4.5H2O` is read as O4.5, not as a hydrate (SuperCon writes O6.94).
        assertAmounts("CuSO4.5H2O", ["Cu": 1, "S": 1, "O": 5.5, "H": 2])
    }

    func testDecimalsAndScientificNotation() {
        assertAmounts("YBa2Cu3O6.94", ["Y": 1, "Ba": 2, "Cu": 3, "O": 6.94])
        assertAmounts("Fe1e-3Ni", ["Fe": 0.001, "Ni": 1])
        assertAmounts("Fe2.5E1O", ["Fe": 25, "O": 1])
        assertAmounts("Ti.5O", ["Ti": 0.5, "O": 1])
        XCTAssertEqual(amounts("La1.85Sr0.15CuO4")["Sr"], 0.15) // exactly the double 0.15
    }

    func testPercentStyleAlloys() {
        let composition = try? Composition(formula: "Nb50.35Zr44.45Mo5.2")
        XCTAssertEqual(composition?.fractions["Nb"] ?? 0, 0.5035, accuracy: 1e-12)
        XCTAssertEqual(composition?.totalAmount ?? 0, 100, accuracy: 1e-9)
    }

    func testDeuteriumAndTritiumMapToHydrogen() throws {
        let parsed = try FormulaParser.parse("D2O")
        XCTAssertEqual(parsed.composition?.amounts, ["H": 2, "O": 1])
        XCTAssertEqual(parsed.isotopes.map(\.symbol), ["D"])
        XCTAssertTrue(parsed.warnings.contains { $0.code == .isotopeMappedToHydrogen })
        assertAmounts("LiT", ["Li": 1, "H": 1])
        // Two-letter symbols starting with D or T are not isotopes.
        assertAmounts("DyTb", ["Dy": 1, "Tb": 1])
    }

    func testChargeSuffixesOnSpecies() throws {
        let iron = try FormulaParser.parse("Fe2+")
        XCTAssertEqual(iron.composition?.amounts, ["Fe": 1])
        XCTAssertEqual(iron.charge, 2)
        XCTAssertEqual(try FormulaParser.parse("O2-").charge, -2)
        XCTAssertEqual(try FormulaParser.parse("Fe+").charge, 1)
        XCTAssertEqual(try FormulaParser.parse("Fe+3").charge, 3)
    }

    func testDeliberatelyAmbiguousSignsAreRejected() {
        assertRejected("O4+2", .ambiguousSign, at: 3)
        assertRejected("Hg0.3Pb0.7Sr1.75La0.25Cu1O4+2", .ambiguousSign, at: 28)
        assertRejected("B1Sr2Ca3Cu4O2N+3", .ambiguousSign, at: 15)
        assertRejected("Fe2+O3", .ambiguousSign, at: 4)
        assertRejected("FeO2-", .ambiguousSign, at: 5)
    }

    func testMalformedFormulasFromStanev() {
        assertRejected("Sm1Ba-1Cu3O6.94", .negativeAmount, at: 6)
        assertRejected("Y2C2Br0.5!1.5", .unexpectedCharacter, at: 10)
        assertRejected("Eu1.45Pr0.05Ce0.5Sr2Cu2Nb1O10=z", .unexpectedCharacter, at: 30)
    }

    func testUnknownSymbolsAndNonPositiveAmounts() {
        assertRejected("Xx2O", .unknownElement, at: 1)
        assertRejected("FeQ", .unknownElement, at: 3)
        assertRejected("Fe0O", .zeroAmount, at: 3)
        assertRejected("(FeO)0", .zeroAmount, at: 6)
        assertRejected("", .emptyFormula, at: 1)
        assertRejected("   ", .emptyFormula, at: 1)
        assertRejected("Fe(O", .unbalancedBrackets, at: 3)
        assertRejected("FeO)", .unbalancedBrackets, at: 4)
        assertRejected("Fe(O]", .unbalancedBrackets, at: 5)
        assertRejected("Fe()O", .unexpectedCharacter, at: 3)
        assertRejected("Fe1.2.3", .invalidNumber, at: 3)
        assertRejected("2", .unexpectedCharacter, at: 2)
        assertRejected("CuSO4·", .unexpectedCharacter, at: 6)
        assertRejected("Fe2 3", .unexpectedCharacter, at: 5)
    }

    func testErrorPositionsCountCharactersNotBytes() {
        // `·` is two UTF-8 bytes but one character.
        assertRejected("CuSO4·5H2O!", .unexpectedCharacter, at: 11)
    }

    func testVariablesAreSymbolicUntilBound() throws {
        let parsed = try FormulaParser.parse("La2-xSrxCuO4")
        XCTAssertFalse(parsed.isResolved)
        XCTAssertNil(parsed.composition)
        XCTAssertEqual(parsed.variables, ["x"])
        XCTAssertEqual(parsed.symbolicAmounts["La"], "2-x")
        XCTAssertEqual(parsed.symbolicAmounts["Sr"], "x")
        XCTAssertThrowsError(try parsed.resolvedComposition()) { error in
            XCTAssertEqual((error as? FormulaError)?.reason, .unresolvedVariables)
        }
        assertAmounts("La2-xSrxCuO4", ["La": 1.85, "Sr": 0.15, "Cu": 1, "O": 4], bindings: FormulaBindings(variables: ["x": 0.15]))
        assertAmounts("Ba1-x K x Fe2As2", ["Ba": 0.6, "K": 0.4, "Fe": 2, "As": 2], bindings: FormulaBindings(variables: ["x": 0.4]))
        assertAmounts("Li5.5-xLa3", ["Li": 5.0, "La": 3], bindings: FormulaBindings(variables: ["x": 0.5]))
        assertAmounts("Ca1.5*z+26O", ["Ca": 29, "O": 1], bindings: FormulaBindings(variables: ["z": 2]))
        assertAmounts("YBa2Cu3O7-δ", ["Y": 1, "Ba": 2, "Cu": 3, "O": 6.9], bindings: FormulaBindings(variables: ["δ": 0.1]))
        assertAmounts("(Fe1-xCox)2O3", ["Fe": 1.8, "Co": 0.2, "O": 3], bindings: FormulaBindings(variables: ["x": 0.1]))
    }

    func testBindingsThatMakeAmountsNonPositiveAreRejected() {
        XCTAssertThrowsError(try Composition(formula: "La2-xSrxCuO4", bindings: FormulaBindings(variables: ["x": 2]))) { error in
            XCTAssertEqual((error as? FormulaError)?.reason, .zeroAmount)
        }
        XCTAssertThrowsError(try Composition(formula: "La2-xSrxCuO4", bindings: FormulaBindings(variables: ["x": 3]))) { error in
            XCTAssertEqual((error as? FormulaError)?.reason, .negativeAmount)
        }
    }

    func testNonlinearAmountsAreRejected() {
        assertRejected("Fexy", .nonlinearAmount, at: 4)
        assertRejected("(Fe1-xCox)y", .nonlinearAmount, at: 11)
    }

    func testPlaceholdersNeedBindings() throws {
        assertRejected("RBa2Cu3O7", .unknownElement, at: 1)
        let bound = try Composition(formula: "RBa2Cu3O7", bindings: FormulaBindings(placeholders: ["R": "Pr"]))
        XCTAssertEqual(bound.amounts, ["Pr": 1, "Ba": 2, "Cu": 3, "O": 7])
        let lanthanide = try Composition(formula: "LnFeAsO", bindings: FormulaBindings(placeholders: ["Ln": "La"]))
        XCTAssertEqual(lanthanide.amounts, ["La": 1, "Fe": 1, "As": 1, "O": 1])
    }

    func testSpacedFormulasAndWarnings() throws {
        let parsed = try FormulaParser.parse("LaBi 3")
        XCTAssertEqual(parsed.composition?.amounts, ["La": 1, "Bi": 3])
        XCTAssertTrue(parsed.warnings.contains { $0.code == .whitespaceIgnored })
        assertAmounts("Al2 C2 Nb2 O2", ["Al": 2, "C": 2, "Nb": 2, "O": 2])
        assertAmounts("  Fe2O3  ", ["Fe": 2, "O": 3])
        XCTAssertTrue(try FormulaParser.parse("Fe2O3").warnings.isEmpty)
    }

    func testTrailingDecimalPointIsToleratedWithWarning() throws {
        let parsed = try FormulaParser.parse("Ga1Sr2Ca3Cu4O11.")
        XCTAssertEqual(parsed.composition?.amounts["O"], 11)
        XCTAssertEqual(parsed.warnings.map(\.code), [.trailingDecimalPoint])
    }

    func testDopantsAreListedNotAdded() throws {
        let parsed = try FormulaParser.parse("Sr2SiO4:Eu3+")
        XCTAssertEqual(parsed.composition?.amounts, ["Sr": 2, "Si": 1, "O": 4])
        XCTAssertEqual(parsed.dopants.map(\.text), ["Eu3+"])
        XCTAssertEqual(parsed.dopants.first?.charge, 3)
        assertRejectedDopant()
    }

    private func assertRejectedDopant() {
        assertRejected("Sr2SiO4:Qq", .unknownElement, at: 9)
    }

    func testTrailingOYIsAVariableOxygenAmountNotYttrium() throws {
        let parsed = try FormulaParser.parse("Bi4Sr3Ca2.7Y0.3Cu4OY")
        XCTAssertEqual(parsed.variables, ["Y"])
        XCTAssertEqual(parsed.symbolicAmounts["O"], "Y")
        XCTAssertEqual(parsed.symbolicAmounts["Y"], "0.3", "the real yttrium keeps its amount")
        XCTAssertTrue(parsed.warnings.contains { $0.code == .oxygenAmountVariable })
        let resolved = try Composition(formula: "Bi2Sr2CaCu2OY", bindings: try FormulaBindings(parsing: "Y=8"))
        XCTAssertEqual(resolved.amounts, ["Bi": 2, "Sr": 2, "Ca": 1, "Cu": 2, "O": 8])
        // Not at the end, or with amounts: ordinary yttrium.
        XCTAssertEqual(try Composition(formula: "OYBa2Cu3O6").amounts["Y"], 1)
        XCTAssertEqual(try Composition(formula: "Cu2O2Y").amounts["Y"], 1)
        XCTAssertTrue(try FormulaParser.parse("YBa2Cu3O7").warnings.isEmpty)
    }

    func testUnicodeMinusInAmounts() {
        assertAmounts("La2−xSrxCuO4", ["La": 1.9, "Sr": 0.1, "Cu": 1, "O": 4], bindings: FormulaBindings(variables: ["x": 0.1]))
    }

    func testBindingsParsing() throws {
        let bindings = try FormulaBindings(parsing: "x=0.15, R=Pr")
        XCTAssertEqual(bindings.variables, ["x": 0.15])
        XCTAssertEqual(bindings.placeholders, ["R": "Pr"])
        XCTAssertThrowsError(try FormulaBindings(parsing: "x=abc"))
        XCTAssertThrowsError(try FormulaBindings(parsing: "R=Qq"))
        XCTAssertThrowsError(try FormulaBindings(parsing: "x"))
    }

    func testFractionAmounts() throws {
        let parsed = try FormulaParser.parse("BaZn1/3Nb2/3O3")
        XCTAssertEqual(parsed.composition?.amounts["Zn"] ?? 0, 1.0 / 3.0, accuracy: 1e-15)
        XCTAssertEqual(parsed.composition?.amounts["Nb"] ?? 0, 2.0 / 3.0, accuracy: 1e-15)
        XCTAssertEqual(parsed.warnings.map(\.code), [.fractionNotation])
        assertAmounts("SrTiO3-3z/2", ["Sr": 1, "Ti": 1, "O": 2.7], bindings: FormulaBindings(variables: ["z": 0.2]))
        assertAmounts("(Fe1/2Co1/2)2O3", ["Fe": 1, "Co": 1, "O": 3])
        assertRejected("Fe1/0O", .invalidNumber, at: 4)
        assertRejected("Fe/2O", .unexpectedCharacter, at: 3)
    }
}
