import Crystal
import Foundation
import XCTest

/// Agreement with pymatgen's CifParser on a sample (fixture made by scripts/make-pymatgen-cif-fixture.py).
final class PymatgenCrossCheckTests: XCTestCase {
    private struct Fixture: Decodable {
        struct Entry: Decodable {
            let file: String
            let a, b, c, alpha, beta, gamma, volume: Double
            let sites: Int
            let fractions: [String: Double]
        }
        let entries: [Entry]
    }

    func testLatticeSitesAndCompositionAgreeWithPymatgen() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/pymatgen-cif.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        XCTAssertEqual(fixture.entries.count, 100)
        for entry in fixture.entries {
            let s = try CIFReader.readStructure(bytes: [UInt8](Data(contentsOf: TestData.cifFile(entry.file))), file: entry.file)
            let p = s.structure.lattice.parameters
            XCTAssertEqual(s.structure.volume, entry.volume, accuracy: 1e-6 * entry.volume, entry.file)
            XCTAssertEqual(s.structure.siteCount, entry.sites, entry.file)
            for (mine, theirs) in [(p.a, entry.a), (p.b, entry.b), (p.c, entry.c)] {
                XCTAssertEqual(mine, theirs, accuracy: 1e-6 * theirs, entry.file)
            }
            for (mine, theirs) in [(p.alpha, entry.alpha), (p.beta, entry.beta), (p.gamma, entry.gamma)] {
                XCTAssertEqual(mine, theirs, accuracy: 1e-6, entry.file)
            }
            let fractions = s.structure.composition.fractions
            XCTAssertEqual(Set(fractions.keys), Set(entry.fractions.keys), entry.file)
            for (symbol, fraction) in entry.fractions {
                XCTAssertEqual(fractions[symbol] ?? -1, fraction, accuracy: 1e-6, "\(entry.file) \(symbol)")
            }
        }
    }
}
