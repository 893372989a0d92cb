@testable import Crystal
import Foundation
import XCTest

/// The derivation in `Sources/Crystal/Wyckoff/Derivation` reproduces the committed table
/// (`WyckoffTableData`). A sample of space groups by default; all 230 with
/// `WYCKOFF_FULL_DERIVATION=1`. With `WYCKOFF_WRITE_TABLE=path` it writes the table source instead
/// (`scripts/make-wyckoff-tables.sh`).
final class WyckoffDerivationTests: XCTestCase {
    /// One group per crystal system and centring, plus groups with origin choices and with
    /// polar axes (continuous normaliser translations).
    private static let sample = [1, 2, 6, 15, 25, 47, 70, 88, 141, 146, 148, 166, 187, 191, 194, 221, 227, 230]

    private var groups: [Int] {
        ProcessInfo.processInfo.environment["WYCKOFF_FULL_DERIVATION"] == nil ? Self.sample : Array(1...230)
    }

    func testDerivedPositionsEqualCommittedTable() throws {
        for number in groups {
            let derived = try WyckoffDerivation.positions(spaceGroup: number)
            XCTAssertEqual(derived, WyckoffTable.positions(spaceGroup: number), "space group \(number)")
        }
    }

    func testDerivedRelabelingsEqualCommittedTable() throws {
        for number in groups {
            let derived = try WyckoffDerivation.relabelings(spaceGroup: number)
            let letters = WyckoffTable.positions(spaceGroup: number).map(\.letter)
            let committed = WyckoffTable.relabelings(spaceGroup: number).map { map in
                letters.map { map[$0] ?? "?" }.joined()
            }
            XCTAssertEqual(derived, committed, "space group \(number)")
        }
    }

    func testStandardHallNumbersAreSpglibDefaults() throws {
        for number in groups {
            let hall = try XCTUnwrap(WyckoffDerivation.standardHallNumber(spaceGroup: number))
            XCTAssertEqual(hall, WyckoffTable.standardHallNumber(spaceGroup: number))
            XCTAssertEqual(SpaceGroupDatabase.type(hallNumber: hall)?.number, number)
        }
    }

    func testWriteTableWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["WYCKOFF_WRITE_TABLE"] else {
            throw XCTSkip("set WYCKOFF_WRITE_TABLE=path to regenerate the table source")
        }
        try WyckoffTableWriter.source().write(toFile: path, atomically: true, encoding: .utf8)
    }
}
