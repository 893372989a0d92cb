import Crystal
import Foundation
import XCTest

/// Space groups and Wyckoff letters agree with PyPI spglib (via pymatgen's CifParser) on 101 MP
/// CIFs at symprec 0.1 Å / 5° (fixture from `scripts/make-spglib-fixture.py`).
final class SpglibFixtureTests: XCTestCase {
    private struct Fixture: Decodable {
        struct Record: Decodable {
            let file: String
            let sites: Int
            let number: Int
            let international: String
            let hall_number: Int
            let wyckoffs: [String]
        }
        let spglib: String
        let symprec: Double
        let angle_tolerance: Double
        let records: [Record]
    }

    func testAgreesWithPyPISpglibOnMPSample() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/spglib-mp.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        XCTAssertEqual(fixture.records.count, 101)
        let options = SymmetryOptions(symprec: fixture.symprec, angleTolerance: fixture.angle_tolerance)
        var disagreements: [String] = []
        for record in fixture.records {
            let cif = try CIFReader.readStructure(bytes: [UInt8](Data(contentsOf: TestData.cifFile("mp/" + record.file))))
            XCTAssertEqual(cif.structure.siteCount, record.sites, record.file)
            let result = try SymmetryAnalysis.analyse(cif.structure, options: options)
            XCTAssertEqual(result.symprec, fixture.symprec)
            XCTAssertEqual(result.options, options)
            if result.spaceGroupNumber != record.number || result.hallNumber != record.hall_number
                || result.wyckoffLetters != record.wyckoffs {
                disagreements.append("\(record.file): \(result.spaceGroupNumber) \(result.wyckoffLetters.joined()) vs \(record.number) \(record.wyckoffs.joined())")
            }
        }
        // One known disagreement, in Wyckoff letters only: mp-1183252 (P-6m2, 187) is labelled `be`
        // by spglib 2.0.2 (linked here) and `da` by PyPI spglib 2.8. In P-6m2 the positions
        // a (0,0,0), b (0,0,½), c (⅓,⅔,0), d (⅓,⅔,½), e (⅔,⅓,0), f (⅔,⅓,½) are permuted by the
        // group's affine normaliser (origin shifts), and spglib ≥ 2.1 picks a different origin;
        // both labellings describe the same structure. Canonical labelling over the normaliser
        // (SCIENCE.md §5) removes such differences; it is not implemented yet.
        let explained: Set<String> = ["mp-1183252.cif: 187 be vs 187 da"]
        XCTAssertEqual(Set(disagreements), explained, "spglib \(SpglibVersion.current) vs PyPI \(fixture.spglib)")
    }
}
