import XCTest
@testable import Chemistry

/// Issue 17 item 1: amounts that overflow or underflow a `Double` are refused with a reason
/// and a position, never turned into `inf`, `nan` or a silent zero.
final class FormulaRangeTests: XCTestCase {
    private func failure(_ formula: String) -> FormulaError? {
        do {
            let parsed = try FormulaParser.parse(formula)
            XCTFail("\(formula) parsed as \(parsed.terms.map { "\($0.z):\($0.amount)" })")
            return nil
        } catch {
            return error
        }
    }

    func testGroupMultiplierOverflowIsRefusedAtTheMultiplier() throws {
        let error = try XCTUnwrap(failure("(Fe1e200)1e200O"))
        XCTAssertEqual(error.reason, .amountOverflow)
        XCTAssertEqual(error.reason.rawValue, "amount_overflow")
        XCTAssertEqual(error.position, 10)
        XCTAssertThrowsError(try Composition(formula: "(Fe1e200)1e200O"))
    }

    func testWrittenNumbersBeyondTheRange() throws {
        XCTAssertEqual(failure("Fe1e400O")?.reason, .amountOverflow)
        XCTAssertEqual(failure("Fe1e400O")?.position, 3)
        XCTAssertEqual(failure("Fe1e-9999O")?.reason, .amountUnderflow)
        XCTAssertEqual(failure("Fe1e-9999O")?.position, 3)
        XCTAssertEqual(failure("Fe3e-310O")?.reason, .amountUnderflow, "subnormal")
        XCTAssertEqual(failure("Fe0e5O")?.reason, .zeroAmount, "a written zero stays a zero amount")
    }

    func testComputedAmountsBeyondTheRange() throws {
        XCTAssertEqual(failure("(Fe1e-200)1e-200O")?.reason, .amountUnderflow)
        XCTAssertEqual(failure("(Fe1e-200)1e-200O")?.position, 11)
        XCTAssertEqual(failure("1e200(Fe1e200)O")?.reason, .amountOverflow)
        XCTAssertEqual(failure("1e200(Fe1e200)O")?.position, 1)
        XCTAssertEqual(failure("Fe1e305Fe1e305")?.reason, .amountOverflow, "repeated element sum")
        XCTAssertEqual(failure("Fe1e305Fe1e305")?.position, 8)
        XCTAssertEqual(failure("Fe1e300/1e-300")?.reason, .amountOverflow, "fraction")
    }

    func testLargeButFiniteAmountsStillParse() throws {
        let parsed = try FormulaParser.parse("(Fe1e100)1e100O")
        XCTAssertEqual(parsed.terms.first { $0.z == 26 }?.amount.constant, 1e200)
        let composition = try Composition(formula: "(Fe1e100)1e100O")
        XCTAssertTrue(composition.entries.allSatisfy { $0.amount.isFinite })
    }

    /// Found by the libFuzzer harness (scripts/fuzz.sh): variable terms of a repeated element
    /// cancelled and left an unchecked amount of zero (`LaS0`).
    func testRepeatedElementsWhoseVariablesCancelToZeroAreRefused() throws {
        XCTAssertEqual(failure("LaSzSx-z-x")?.reason, .zeroAmount)
        XCTAssertEqual(failure("LaSzSx-z-x")?.position, 3)
        let resolved = try FormulaParser.parse("LaSxS1-x")
        XCTAssertEqual(resolved.terms.first { $0.z == 16 }?.amount.constant, 1)
    }
}
