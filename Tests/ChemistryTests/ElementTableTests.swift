import Foundation
import XCTest
@testable import Chemistry

/// Checks the generated element table (`ElementData.swift`) for internal consistency, for a
/// handful of published facts, and against a pymatgen dump (`Fixtures/pymatgen-elements.json`,
/// written by `scripts/make-element-fixture.py`).
final class ElementTableTests: XCTestCase {
    private func element(_ symbol: String, file: StaticString = #filePath, line: UInt = #line) throws -> Element {
        try XCTUnwrap(PeriodicTable.element(symbol: symbol), "no element \(symbol)", file: file, line: line)
    }

    // MARK: - Shape

    func testHas118ElementsInAtomicNumberOrder() {
        XCTAssertEqual(ElementData.all.count, 118)
        XCTAssertEqual(PeriodicTable.elements.count, 118)
        for (index, element) in ElementData.all.enumerated() {
            XCTAssertEqual(element.z, index + 1, "\(element.symbol) at index \(index)")
        }
    }

    func testSymbolsAreUniqueAndWellFormed() {
        let symbols = ElementData.all.map(\.symbol)
        XCTAssertEqual(Set(symbols).count, 118)
        for symbol in symbols {
            XCTAssertTrue((1...2).contains(symbol.count), symbol)
            XCTAssertEqual(symbol.first.map { $0.isUppercase }, true, symbol)
            XCTAssertTrue(symbol.dropFirst().allSatisfy { $0.isLowercase }, symbol)
        }
        XCTAssertEqual(Set(ElementData.all.map(\.name)).count, 118)
    }

    func testPeriodicTableLookups() throws {
        XCTAssertEqual(PeriodicTable.element(symbol: "Fe")?.z, 26)
        XCTAssertEqual(PeriodicTable.element(z: 118)?.symbol, "Og")
        XCTAssertEqual(PeriodicTable.atomicNumber(symbol: "H"), 1)
        XCTAssertNil(PeriodicTable.element(symbol: "fe"))
        XCTAssertNil(PeriodicTable.element(z: 0))
        XCTAssertNil(PeriodicTable.element(z: 119))
        for element in ElementData.all {
            XCTAssertEqual(PeriodicTable.element(symbol: element.symbol)?.z, element.z)
        }
    }

    // MARK: - Spot checks

    func testIron() throws {
        let fe = try element("Fe")
        XCTAssertEqual(fe.z, 26)
        XCTAssertEqual(fe.name, "Iron")
        XCTAssertEqual(fe.atomicMass, 55.845, accuracy: 1e-9)
        XCTAssertEqual(fe.paulingElectronegativity, 1.83)
        XCTAssertEqual(fe.group, 8)
        XCTAssertEqual(fe.period, 4)
        XCTAssertEqual(fe.block, .d)
        XCTAssertEqual(fe.commonOxidationStates, [2, 3])
        XCTAssertEqual(fe.covalentRadius, 1.32)  // Cordero 2008, low spin
    }

    func testAssortedFacts() throws {
        XCTAssertEqual(try element("O").paulingElectronegativity, 3.44)
        XCTAssertEqual(try element("O").commonOxidationStates, [-2])
        XCTAssertEqual(try element("F").paulingElectronegativity, 3.98)
        XCTAssertEqual(try element("Cs").paulingElectronegativity, 0.79)
        XCTAssertEqual(try element("H").atomicMass, 1.008, accuracy: 1e-3)
        XCTAssertEqual(try element("C").atomicMass, 12.011, accuracy: 1e-3)
        XCTAssertEqual(try element("U").atomicMass, 238.029, accuracy: 1e-3)
        XCTAssertEqual(try element("C").covalentRadius, 0.76)  // sp3
        XCTAssertEqual(try element("Cs").covalentRadius, 2.44)
        XCTAssertEqual(try element("Cm").covalentRadius, 1.69)
        XCTAssertEqual(try element("Na").block, .s)
        XCTAssertEqual(try element("He").group, 18)
        XCTAssertEqual(try element("He").period, 1)
        XCTAssertEqual(try element("Og").period, 7)
        XCTAssertEqual(try element("Og").group, 18)
        XCTAssertEqual(try element("Rf").group, 4)

        let maxEN = ElementData.all.compactMap(\.paulingElectronegativity).max()
        XCTAssertEqual(maxEN, 3.98)
        for symbol in ["He", "Ne", "Ar", "Rf", "Og"] {
            XCTAssertNil(try element(symbol).paulingElectronegativity, symbol)
        }
    }

    func testValueRanges() {
        for e in ElementData.all {
            XCTAssertGreaterThan(e.atomicMass, Double(e.z), e.symbol)
            XCTAssertLessThan(e.atomicMass, 3.0 * Double(e.z), e.symbol)
            XCTAssertTrue((1...7).contains(e.period), e.symbol)
            if let group = e.group { XCTAssertTrue((1...18).contains(group), e.symbol) }
            if let x = e.paulingElectronegativity { XCTAssertTrue((0.7...4.0).contains(x), e.symbol) }
            if let r = e.covalentRadius { XCTAssertTrue((0.2...3.0).contains(r), e.symbol) }
            XCTAssertEqual(e.commonOxidationStates, e.commonOxidationStates.sorted(), e.symbol)
            XCTAssertEqual(Set(e.commonOxidationStates).count, e.commonOxidationStates.count, e.symbol)
        }
        // Cordero et al. 2008 covers Z = 1...96 and nothing above.
        for e in ElementData.all {
            XCTAssertEqual(e.covalentRadius != nil, e.z <= 96, e.symbol)
        }
    }

    func testPeriodBoundaries() {
        let firstOfPeriod = [1, 3, 11, 19, 37, 55, 87]
        for e in ElementData.all {
            let expected = firstOfPeriod.lastIndex { $0 <= e.z }.map { $0 + 1 }
            XCTAssertEqual(e.period, expected, e.symbol)
        }
    }

    // MARK: - Lanthanide / actinide conventions

    func testLanthanideAndActinideConventions() throws {
        let la = try element("La")
        XCTAssertEqual(la.group, 3)
        XCTAssertEqual(la.block, .f)
        XCTAssertEqual(la.period, 6)

        let ac = try element("Ac")
        XCTAssertEqual(ac.group, 3)
        XCTAssertEqual(ac.block, .f)
        XCTAssertEqual(ac.period, 7)

        let lu = try element("Lu")
        XCTAssertNil(lu.group)
        XCTAssertEqual(lu.block, .d)
        XCTAssertEqual(lu.period, 6)

        let lr = try element("Lr")
        XCTAssertNil(lr.group)
        XCTAssertEqual(lr.block, .d)
        XCTAssertEqual(lr.period, 7)

        XCTAssertNil(try element("Ce").group)
        XCTAssertEqual(try element("Ce").block, .f)
        XCTAssertNil(try element("Yb").group)
        XCTAssertEqual(try element("Yb").block, .f)
        XCTAssertNil(try element("Th").group)
        XCTAssertEqual(try element("No").block, .f)

        // Group is nil exactly for Ce...Lu and Th...Lr.
        let nilGroup = ElementData.all.filter { $0.group == nil }.map(\.z)
        XCTAssertEqual(nilGroup, Array(58...71) + Array(90...103))
    }

    func testBlocksAgreeWithGroups() {
        var counts: [Block: Int] = [:]
        for e in ElementData.all {
            counts[e.block, default: 0] += 1
            switch e.group {
            case .some(1...2): XCTAssertEqual(e.block, .s, e.symbol)
            case .some(13...18): XCTAssertEqual(e.block, .p, e.symbol)
            case .some(3...12): XCTAssertEqual(e.block, (e.z == 57 || e.z == 89) ? .f : .d, e.symbol)
            default: XCTAssertTrue(e.block == .f || e.z == 71 || e.z == 103, e.symbol)
            }
        }
        // s: groups 1-2 (13); p: groups 13-18 of periods 2-7 plus He (pymatgen puts He in p);
        // d: 4 rows of 10 counting Lu and Lr; f: La...Yb and Ac...No.
        XCTAssertEqual(counts, [.s: 13, .p: 37, .d: 40, .f: 28])
        XCTAssertEqual(try? element("He").block, .p)
    }

    // MARK: - Modified Pettifor scale (Glawe et al. 2016, numbered 1...103)

    func testModifiedPettiforIsAPermutationOf1Through103() {
        let covered = ElementData.all.filter { $0.z <= 103 }
        let numbers = covered.compactMap(\.modifiedPettifor)
        XCTAssertEqual(numbers.count, 103, "every element with Z <= 103 has a number")
        XCTAssertEqual(Set(numbers).count, 103, "numbers are unique")
        XCTAssertEqual(numbers.sorted(), Array(1...103))
        for e in ElementData.all where e.z > 103 {
            XCTAssertNil(e.modifiedPettifor, e.symbol)
        }
    }

    func testModifiedPettiforValues() throws {
        let expected: [String: Int] = [
            "He": 1, "Ne": 2, "Ar": 3, "Kr": 4, "Xe": 5, "Rn": 6, "Fr": 7, "Cs": 8, "Rb": 9,
            "K": 10, "Na": 11, "Li": 12, "Ra": 13, "Ba": 14, "Sr": 15, "Ca": 16, "Eu": 17,
            "Yb": 18, "Lu": 19, "La": 32, "Ac": 33, "Lr": 47, "Sc": 48, "Fe": 71, "Mn": 72,
            "Mg": 73, "C": 87, "O": 97, "F": 102, "H": 103,
        ]
        for (symbol, number) in expected {
            XCTAssertEqual(try element(symbol).modifiedPettifor, number, symbol)
        }
        let he = try XCTUnwrap(try element("He").modifiedPettifor)
        XCTAssertEqual(ElementData.all.compactMap(\.modifiedPettifor).min(), he)
    }

    func testModifiedPettiforOrdering() throws {
        // Increasing along the scale: noble gases, then alkali metals from heavy to light,
        // ..., late transition metals run backwards (Cu < Ni < Co < Fe < Mn), halogens,
        // hydrogen last.
        let order = ["He", "Ne", "Xe", "Cs", "Na", "Ba", "Ca", "Y", "Ti", "Cu", "Fe", "Zn",
                     "Al", "Si", "B", "N", "Sb", "Se", "O", "I", "Cl", "F", "H"]
        let numbers = try order.map { try XCTUnwrap(try element($0).modifiedPettifor, $0) }
        XCTAssertEqual(numbers, numbers.sorted())
        XCTAssertEqual(Set(numbers).count, numbers.count)
    }

    // MARK: - Cross-check against pymatgen

    private struct FixtureElement: Decodable {
        let symbol: String
        let z: Int
        let atomic_mass: Double
        let X: Double?
        let group: Int
        let row: Int
    }

    private struct Fixture: Decodable {
        let pymatgen_version: String
        let elements: [FixtureElement]
    }

    private func loadFixture() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
            .appendingPathComponent("pymatgen-elements.json")
        let data = try Data(contentsOf: url)
        return try JSONDecoder().decode(Fixture.self, from: data)
    }

    func testAgreesWithPymatgenFixture() throws {
        let fixture = try loadFixture()
        XCTAssertEqual(fixture.elements.count, 118)
        var comparedElectronegativities = 0
        for (ours, theirs) in zip(ElementData.all, fixture.elements) {
            let s = ours.symbol
            XCTAssertEqual(ours.symbol, theirs.symbol)
            XCTAssertEqual(ours.z, theirs.z, s)
            XCTAssertEqual(ours.atomicMass, theirs.atomic_mass, accuracy: 1e-3, s)
            XCTAssertEqual(ours.period, theirs.row, s)
            if let x = ours.paulingElectronegativity, let y = theirs.X {
                XCTAssertEqual(x, y, s)  // exact: both are the same decimal literal
                comparedElectronegativities += 1
            }
            XCTAssertEqual(ours.paulingElectronegativity == nil, theirs.X == nil, s)
            if let group = ours.group {
                XCTAssertEqual(group, theirs.group, s)
            } else {
                // pymatgen puts every lanthanide and actinide in group 3.
                XCTAssertEqual(theirs.group, 3, s)
            }
        }
        XCTAssertGreaterThan(comparedElectronegativities, 90)
    }
}
