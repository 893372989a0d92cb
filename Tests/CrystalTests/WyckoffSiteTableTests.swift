import Foundation
import XCTest
@testable import Crystal

/// The committed representative site expressions and their orbits.
final class WyckoffSiteTableTests: XCTestCase {
    func testEveryPositionExpandsToItsMultiplicity() {
        var positions = 0
        for number in 1...230 {
            let table = WyckoffTable.positions(spaceGroup: number)
            let sites = WyckoffSites.positions(spaceGroup: number)
            XCTAssertEqual(sites.map(\.letter), table.map(\.letter), "space group \(number)")
            for (position, expected) in zip(sites, table) {
                XCTAssertEqual(position.sites.count * WyckoffSites.centringCount(spaceGroup: number), expected.multiplicity,
                               "\(number)\(position.letter) \(position.representative)")
                XCTAssertEqual(position.representative.freeParameters, expected.freeParameters,
                               "\(number)\(position.letter) \(position.representative)")
                positions += 1
            }
        }
        XCTAssertEqual(positions, 1731)
    }

    func testKnownRepresentatives() throws {
        let expected: [(Int, String, String)] = [
            (1, "a", "(x,y,z)"), (2, "b", "(0,0,1/2)"), (221, "m", "(x,x,z)"), (166, "h", "(x,-x,z)"),
            (225, "c", "(1/4,1/4,1/4)"), (194, "h", "(x,2x,1/4)"), (21, "c", "(1/2,0,1/2)"),
            // From `TablesConventions`: the rule alone would pick the equivalent (x,-x,0).
            (191, "l", "(x,2x,0)"),
        ]
        for (number, letter, text) in expected {
            let position = try XCTUnwrap(WyckoffSites.position(spaceGroup: number, letter: letter))
            XCTAssertEqual(position.representative.description, text, "\(number)\(letter)")
        }
    }

    func testParsingRoundTrips() throws {
        for text in ["(x,2x,1/2)", "(-x+y,1/4,z+1/2)", "(1/8,y,-y+1/4)", "(0,0,0)"] {
            let site = try XCTUnwrap(SiteExpression(parsing: text), text)
            XCTAssertEqual(site.description, text)
        }
        XCTAssertNil(SiteExpression(parsing: "(x,y)"))
        XCTAssertNil(SiteExpression(parsing: "(x,y,1/5)"))
    }

    /// Regenerates the table: `WYCKOFF_WRITE_SITES=path swift test --filter …/testWriteSiteTableWhenAsked`.
    func testWriteSiteTableWhenAsked() throws {
        guard let path = ProcessInfo.processInfo.environment["WYCKOFF_WRITE_SITES"] else {
            throw XCTSkip("set WYCKOFF_WRITE_SITES=path to regenerate the site table source")
        }
        try WyckoffSiteTableWriter.source().write(toFile: path, atomically: true, encoding: .utf8)
    }
}
