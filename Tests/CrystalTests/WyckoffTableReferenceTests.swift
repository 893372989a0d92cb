import Crystal
import Foundation
import XCTest

/// The project's derived Wyckoff table (`WyckoffTable`) agrees with the multiplicities, free
/// parameters and letter relabelings that pymatgen ships (`../shared/data/structures/
/// wyckoff-reference`, read here only as an independent check).
final class WyckoffTableReferenceTests: XCTestCase {
    func testPositionCountsMatchTheInternationalTables() {
        let counts = (1...230).map { WyckoffTable.positions(spaceGroup: $0).count }
        XCTAssertEqual(counts.reduce(0, +), 1731)
        XCTAssertTrue(counts.allSatisfy { $0 > 0 })
        XCTAssertEqual(WyckoffTable.positions(spaceGroup: 47).last?.letter, "A")
        XCTAssertTrue(WyckoffTable.positions(spaceGroup: 0).isEmpty)
        XCTAssertTrue(WyckoffTable.positions(spaceGroup: 231).isEmpty)
    }

    func testMultiplicitiesAndFreeParametersAgreeWithReference() throws {
        let multiplicities = try WyckoffReference.letterTable("wyckoff-position-multiplicities.json.gz")
        let parameters = try WyckoffReference.letterTable("wyckoff-position-params.json.gz")
        var referencePositions = 0
        var multiplicityAgreements = 0
        var parameterAgreements = 0
        var disagreements: [String] = []
        for number in 1...230 {
            let reference = multiplicities[number] ?? [:]
            let mine = WyckoffTable.positions(spaceGroup: number)
            referencePositions += reference.count
            XCTAssertEqual(Set(mine.map(\.letter)), Set(reference.keys), "letters of space group \(number)")
            for position in mine {
                if reference[position.letter] == position.multiplicity { multiplicityAgreements += 1 }
                if parameters[number]?[position.letter] == position.freeParameters { parameterAgreements += 1 }
                if reference[position.letter] != position.multiplicity
                    || parameters[number]?[position.letter] != position.freeParameters {
                    disagreements.append("\(number)\(position.letter)")
                }
            }
        }
        XCTAssertEqual(referencePositions, 1731)
        XCTAssertEqual(multiplicityAgreements, 1731, "multiplicities")
        XCTAssertEqual(parameterAgreements, 1731, "free parameters")
        XCTAssertEqual(disagreements, [])
    }

    /// Every space group's derived relabelings equal the reference set. (C2/c, 15, needs the
    /// affine cell change x' = x + z beside its Euclidean normaliser: see `NormalizerMetric`.)
    func testRelabelingsAgreeWithReference() throws {
        let reference = try WyckoffReference.relabelings()
        XCTAssertEqual(reference.count, 230)
        XCTAssertEqual(reference.values.reduce(0) { $0 + $1.count }, 882)
        var agreeing = 0
        for number in 1...230 {
            let letters = WyckoffTable.positions(spaceGroup: number).map(\.letter)
            let maps = WyckoffTable.relabelings(spaceGroup: number)
            let mine = Set(maps.map { map in letters.map { map[$0] ?? "?" }.joined() })
            let theirs = reference[number] ?? []
            XCTAssertEqual(mine.count, maps.count, "duplicate relabelings in \(number)")
            XCTAssertTrue(mine.contains(letters.joined()), "identity of \(number)")
            if mine == theirs {
                agreeing += 1
            } else {
                let onlyMine = mine.subtracting(theirs).sorted()
                let onlyTheirs = theirs.subtracting(mine).sorted()
                XCTFail("space group \(number): only derived \(onlyMine), only reference \(onlyTheirs)")
            }
        }
        XCTAssertEqual(agreeing, 230)
    }

    func testRelabelingsArePermutationsThatKeepMultiplicity() {
        for number in 1...230 {
            let positions = WyckoffTable.positions(spaceGroup: number)
            for map in WyckoffTable.relabelings(spaceGroup: number) {
                XCTAssertEqual(Set(map.values), Set(positions.map(\.letter)), "space group \(number)")
                for position in positions {
                    let image = map[position.letter].flatMap { WyckoffTable.position(spaceGroup: number, letter: $0) }
                    XCTAssertEqual(image?.multiplicity, position.multiplicity, "space group \(number) \(position.letter)")
                    XCTAssertEqual(image?.freeParameters, position.freeParameters, "space group \(number) \(position.letter)")
                }
            }
        }
    }
}
