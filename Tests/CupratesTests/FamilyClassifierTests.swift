import Chemistry
import Cuprates
import Foundation
import XCTest

/// Families of table 3.1 from compositions: named compounds, the compositions of real cuprate
/// CIFs, and every Cu–O composition of the two SuperCon copies.
final class FamilyClassifierTests: XCTestCase {
    private let classifier = FamilyClassifier()

    private func family(_ formula: String) throws -> CuprateFamily? {
        classifier.family(of: try Composition(formula: formula))
    }

    func testNamedCompounds() throws {
        let expected: [(String, CuprateFamily)] = [
            ("La2CuO4", .la214T), ("La1.85Sr0.15CuO4", .la214T), ("La1.875Ba0.125CuO4", .la214T),
            ("La1.6Nd0.4Sr0.12CuO4", .la214T),
            ("YBa2Cu3O7", .y123), ("YBa2Cu3O6.5", .y123), ("Y0.8Ca0.2Ba2Cu3O6.9", .y123),
            ("NdBa2Cu3O7", .re123), ("GdBa2Cu3O6.95", .re123), ("PrBa2Cu3O7", .re123),
            ("YBa2Cu4O8", .y124), ("DyBa2Cu4O8", .re124),
            ("TlBa2CuO5", .tl1201), ("TlSr2CuO5", .tl1201), ("Tl0.5Pb0.5Sr2CaCu2O7", .tl1212),
            ("TlBa2CaCu2O7", .tl1212), ("TlBa2Ca2Cu3O9", .tl1223),
            ("Tl2Ba2CuO6", .tl2201), ("Tl2Ba2CaCu2O8", .tl2212),
            ("HgBa2CuO4.1", .hg1201), ("HgBa2CaCu2O6.2", .hg1212), ("HgBa2Ca2Cu3O8.3", .hg1223),
            ("Hg2Ba2YCu2O8", .hg2212),
            ("Bi2Sr2CuO6", .bi2201), ("Bi2Sr1.6La0.4CuO6", .bi2201), ("Bi2Sr2CaCu2O8", .bi2212),
            ("Bi1.6Pb0.4Sr2CaCu2O8", .bi2212), ("Bi2Sr2Ca0.5Y0.5Cu2O8", .bi2212),
            // T' electron-doped, Bi2223, Tl2223, Y247, infinite layer: not in table 3.1.
            ("Nd1.85Ce0.15CuO4", .other), ("Pr2CuO4", .other), ("Bi2Sr2Ca2Cu3O10", .other),
            ("Tl2Ba2Ca2Cu3O10", .other), ("Y2Ba4Cu7O15", .other), ("Sr0.9La0.1CuO2", .other),
            ("Y0.25Sr0.75CuO2", .other), ("Nd1.5Ba1.5Cu3O7.05", .re123), ("Ca0.4La1.25Ba1.35Cu3O7.1", .re123),
            ("Bi2Sr2.4Ca0.6Cu2O8", .bi2212),
        ]
        for (formula, family) in expected {
            XCTAssertEqual(try self.family(formula), family, formula)
        }
        XCTAssertNil(try family("MgB2"))
        XCTAssertNil(try family("CuS"))
    }

    /// The formulas of real cuprate CIFs, at least one per family that the shared data hold.
    func testCIFCompositions() throws {
        let expected: [(String, CuprateFamily)] = [
            ("mp-doped/Cu1La1.85Sr0.15O4-MP-mp-1180676-synth_doped.cif", .la214T),
            ("mp/mp-20674.cif", .y123), ("mp/mp-22719.cif", .re123), ("mp/mp-6790.cif", .y124),
            ("mp/mp-6691.cif", .re124), ("mp/mp-20942.cif", .tl1201), ("mp/mp-632802.cif", .tl1212),
            ("mp/mp-6027.cif", .tl2201), ("mp/mp-6885.cif", .tl2212), ("mp/mp-6562.cif", .hg1201),
            ("mp/mp-6879.cif", .hg1212), ("mp/mp-22601.cif", .hg1223), ("mp/mp-555827.cif", .bi2201),
            ("mp/mp-1218930.cif", .bi2212), ("mp/mp-4158.cif", .other),
        ]
        for (file, family) in expected {
            let structure = try CupratesTestData.structure(file)
            XCTAssertEqual(classifier.family(of: structure.composition), family, file)
        }
    }

    /// Every composition with Cu and O in the Stanev and MDR SuperCon copies, counted per family.
    func testSuperConCompositionCounts() throws {
        var counts: [CuprateFamily: Int] = [:]
        var unparsed = 0, rows = 0
        for (file, column) in [("supercon/stanev-2018.csv", 0), ("supercon/mdr-2024/mdr.csv", 0)] {
            let text = try String(contentsOf: CupratesTestData.shared(file), encoding: .utf8)
            for line in text.split(whereSeparator: \.isNewline).dropFirst() {
                rows += 1
                let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                guard fields.count > column, let composition = try? Composition(formula: String(fields[column])) else {
                    unparsed += 1
                    continue
                }
                if let family = classifier.family(of: composition) { counts[family, default: 0] += 1 }
            }
        }
        let report = CuprateFamily.allCases.map { "\($0.rawValue)=\(counts[$0] ?? 0)" }.joined(separator: " ")
        print("SuperCon Cu–O compositions per family: \(report); unparsed \(unparsed)")
        XCTAssertEqual(rows, 16_414 + 20_995)
        XCTAssertEqual(unparsed, 114)
        XCTAssertEqual(counts, Self.expectedSuperConCounts, report)
    }

    /// Measured with this classifier (see the README section on the cuprate study).
    static let expectedSuperConCounts: [CuprateFamily: Int] = [
        .la214T: 1826, .y123: 2453, .re123: 2107, .y124: 475, .re124: 147,
        .tl1201: 50, .tl1212: 186, .tl1223: 22, .tl2201: 60, .tl2212: 58,
        .hg1201: 233, .hg1212: 49, .hg1223: 78, .hg2212: 17, .bi2201: 136, .bi2212: 581,
        .other: 3692,
    ]
}

/// The stacking period reduced to a family's chemical repeat.
final class CuprateFamilyRepeatTests: XCTestCase {
    func testSupercellPeriodIsReducedAndForeignPeriodRejected() {
        XCTAssertEqual(try XCTUnwrap(CuprateFamily.y123.repeatC(stackingPeriod: 23.3)), 11.65, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(CuprateFamily.y123.repeatC(stackingPeriod: 11.8)), 11.8, accuracy: 1e-9)
        XCTAssertNil(CuprateFamily.y124.repeatC(stackingPeriod: 41.6))
        XCTAssertNil(CuprateFamily.other.repeatC(stackingPeriod: 10))
    }
}
