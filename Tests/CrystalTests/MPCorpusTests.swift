import Chemistry
import Crystal
import Foundation
import XCTest

/// All Materials Project CIFs (and the doped ones) parse, and the cell matches `_chemical_formula_sum`.
final class MPCorpusTests: XCTestCase {
    private func check(folder: String, allowWarnings: Bool) throws {
        let files = try TestData.cifFiles(in: folder)
        var failures: [String] = []
        for url in files {
            do {
                let s = try CIFReader.readStructure(bytes: [UInt8](Data(contentsOf: url)), file: url.lastPathComponent)
                let formula = try XCTUnwrap(s.metadata.formulaSum, url.lastPathComponent)
                let expected = try Composition(formula: formula).fractions
                let found = s.structure.composition.fractions
                let worst = Set(expected.keys).union(found.keys).map { abs((expected[$0] ?? 0) - (found[$0] ?? 0)) }.max() ?? 1
                if worst > 1e-6 { failures.append("\(url.lastPathComponent): \(formula) vs \(s.structure.composition)") }
                if !allowWarnings, !s.warnings.isEmpty { failures.append("\(url.lastPathComponent): \(s.warnings)") }
                if s.symmetry != .operators(count: 1), folder == "mp" { failures.append("\(url.lastPathComponent): \(s.symmetry)") }
            } catch {
                failures.append("\(url.lastPathComponent): \(error)")
            }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) of \(files.count) failed:\n" + failures.prefix(20).joined(separator: "\n"))
    }

    func testAllMPFilesParseWithoutWarningsAndMatchTheirFormula() throws {
        let files = try TestData.cifFiles(in: "mp")
        XCTAssertEqual(files.count, 4704)
        try check(folder: "mp", allowWarnings: false)
    }

    func testAllDopedMPFilesParseAndMatchTheirFormula() throws {
        let files = try TestData.cifFiles(in: "mp-doped")
        XCTAssertEqual(files.count, 2000)
        try check(folder: "mp-doped", allowWarnings: false)
    }
}
