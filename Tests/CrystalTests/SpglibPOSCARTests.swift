import Crystal
import Foundation
import XCTest

/// spglib's own test POSCARs: the space-group number that starts each file name is reproduced.
///
/// Tolerances follow spglib's test suite: symprec 1e-5 Å with spglib's default angle tolerance,
/// except `distorted/` (symprec 0.1 Å). `layer/` names carry layer-group numbers: reported, not
/// asserted. Atom types are atomic numbers where the species are known (spglib's test reader takes
/// them from the comment line, e.g. all `H` in `virtual_structure/POSCAR-230-230-conv-62`), else
/// the index of each count: spglib only needs distinct types.
final class SpglibPOSCARTests: XCTestCase {
    private static let root = TestData.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/data/structures/spglib-poscars")

    /// The number after `POSCAR-` / `poscar-` in a file name.
    private func expectedNumber(_ name: String) -> Int? {
        let parts = name.split(separator: "-")
        guard parts.count >= 2 else { return nil }
        return Int(parts[1])
    }

    func testEveryPOSCARReproducesItsSpaceGroup() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.path)
            .filter { !$0.hasPrefix(".") && $0 != "COPYING" }.sorted()
        XCTAssertEqual(folders.count, 10, "missing spglib POSCAR folders under \(Self.root.path)")
        var total = 0
        var summary: [String] = []
        var failures: [String] = []
        for folder in folders {
            let directory = Self.root.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            let options = folder == "distorted"
                ? SymmetryOptions(symprec: 0.1, angleTolerance: nil, retrySymprecs: [])
                : SymmetryOptions(symprec: 1e-5, angleTolerance: nil, retrySymprecs: [])
            var reproduced = 0
            var layerResults: [String] = []
            for name in names {
                total += 1
                let poscar = try POSCARReader.read(contentsOf: directory.appendingPathComponent(name))
                let expected = try XCTUnwrap(expectedNumber(name), name)
                let types = poscar.species.map { species in poscar.typeIndices.map { species[$0].z } } ?? poscar.typeIndices
                do {
                    let result = try SymmetryAnalysis.analyse(lattice: poscar.lattice, positions: poscar.fractional,
                                                              types: types, options: options)
                    XCTAssertFalse(result.retried)
                    if folder == "layer" {
                        layerResults.append("\(name): layer group \(expected), space group \(result.spaceGroupNumber) \(result.internationalSymbol)")
                    } else if result.spaceGroupNumber == expected {
                        reproduced += 1
                    } else {
                        failures.append("\(folder)/\(name): expected \(expected), got \(result.spaceGroupNumber)")
                    }
                } catch {
                    failures.append("\(folder)/\(name): \(error)")
                }
            }
            summary.append("\(folder): \(folder == "layer" ? layerResults.joined(separator: "; ") : "\(reproduced)/\(names.count) at symprec \(options.symprec)")")
        }
        print("spglib POSCARs (\(total)):\n" + summary.joined(separator: "\n"))
        XCTAssertEqual(total, 785)
        XCTAssertTrue(failures.isEmpty, failures.joined(separator: "\n"))
    }
}
