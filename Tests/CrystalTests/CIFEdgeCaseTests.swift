import Chemistry
import Crystal
import Foundation
import XCTest

/// Every file in `cif/edge-cases` gives a structure with specific warnings or a specific error.
final class CIFEdgeCaseTests: XCTestCase {
    private enum Expected {
        /// Sites in the cell, its formula, and the exact set of warning codes.
        case structure(sites: Int, formula: String, warnings: Set<CIFWarning.Code>)
        /// Error code and 1-based line.
        case error(String, line: Int)
    }

    private let expectations: [String: Expected] = [
        // A quoted string that runs over three lines is not CIF 1.1: rejected at its first line.
        "diffpy/LiCl-bad.cif": .error("unterminated-quote", line: 14),
        // Only `_space_group_name_H-M_ref 'F m -3 m'`: expanded through spglib's database to fcc Ni
        // (pymatgen ignores the `_ref` tag and keeps 1 site).
        "diffpy/Ni_ref.cif": .structure(sites: 4, formula: "Ni4", warnings: [.symmetryFromSymbol]),
        "diffpy/PbTe.cif": .structure(sites: 8, formula: "Pb4Te4", warnings: []),
        // `C 1 2/m 1` without operators: 8 operators from the database, 16 sites (as pymatgen).
        "diffpy/TeI-unkocc.cif": .structure(sites: 16, formula: "Te8I8", warnings: [.missingOccupancy, .symmetryFromSymbol]),
        "diffpy/TeI.cif": .structure(sites: 16, formula: "Te8I8", warnings: [.symmetryFromSymbol]),
        // `C2:b1` (unique axis b, cell choice 1) is spglib's Hall number 9: montmorillonite
        // K2Mg2Al4Si8O24 (atoms on the 2-fold axes have 2 images, the others 4). pymatgen does
        // not read this spelling and keeps the 12 rows.
        "diffpy/badspacegroup.cif": .structure(sites: 40, formula: "K2Mg2Al4Si8O24", warnings: [.symmetryFromSymbol]),
        "diffpy/curlybrackets.cif": .structure(sites: 20, formula: "Na4Fe4F12", warnings: []),
        "diffpy/customsg.cif": .structure(sites: 4, formula: "C4", warnings: [.speciesFromLabel]),
        "diffpy/graphite.cif": .structure(sites: 4, formula: "C4", warnings: [.speciesFromLabel]),
        "diffpy/nosites.cif": .error("no-atom-sites", line: 44),
        "icsd-style/5656565656.cif": .structure(sites: 32, formula: "Al8H8O16", warnings: [.isotopeAsHydrogen]),
        "icsd-style/999999999.cif": .structure(sites: 34, formula: "Fe4Si8N22", warnings: []),
        "parsnip/AFLOW_mC24.cif": .structure(sites: 24, formula: "Sb8O16", warnings: []),
        "parsnip/AMCSD_meteorite.cif": .structure(sites: 12, formula: "Si4O8", warnings: [.speciesFromLabel]),
        "parsnip/B-IncStrDb_Ccmm.cif": .structure(sites: 52, formula: "K12Mo8O32", warnings: [.speciesFromLabel]),
        // The hydrogen atoms are not in the site list, so the stated formula disagrees.
        "parsnip/CCDC_1446529_Pm-3m.cif": .structure(sites: 30, formula: "PbC0.9998Br3N0.9998", warnings: [.formulaMismatch]),
        "parsnip/COD_1540955_aP16.cif": .structure(sites: 16, formula: "K4As4Se8", warnings: []),
        "parsnip/COD_7228524.cif": .structure(sites: 3, formula: "Se3", warnings: []),
        // `data_# CIF file`: a block named `#`, then the bare words `CIF file` with no tag.
        "parsnip/INTENTIONALLY_BAD_CIF.cif": .error("value-without-tag", line: 1),
        // mmCIF macromolecule: Cartesian coordinates only.
        "parsnip/PDB_4INS_head.cif": .error("no-atom-sites", line: 10),
        "parsnip/mbuild_cifs/ETV_triclinic.cif": .structure(sites: 42, formula: "Si14O28", warnings: []),
        "parsnip/mbuild_cifs/ITG_monoclinic.cif": .structure(sites: 168, formula: "Si56O112", warnings: []),
        "parsnip/mbuild_cifs/LaCl3.cif": .structure(sites: 8, formula: "La2Cl6", warnings: []),
        "parsnip/mbuild_cifs/ReS2.cif": .structure(sites: 12, formula: "Re4S8", warnings: []),
        "parsnip/mbuild_cifs/extra_blank_field.cif": .structure(sites: 32, formula: "Ca4Ti4Si4O20", warnings: [.duplicateTag, .speciesFromLabel]),
        "parsnip/mbuild_cifs/needs_to_be_wrapped.cif": .structure(sites: 424, formula: "Si96C48N4O192", warnings: []),
        "parsnip/no42.cif": .structure(sites: 108, formula: "Si36O72", warnings: []),
        // Same count as pymatgen (588, Si192 O396): the file lists 48 operators without centring.
        "parsnip/zeolite_clo.cif": .structure(sites: 588, formula: "Si192O396", warnings: []),
        // 20 rows, two of them (Al/Si) on one position: 19 positions × 4 operators of Hall
        // `-P 2ac` (P 1 1 21/a, Hall number 84) = 76 sites, as pymatgen.
        "parsnip/zeolite_gismondine.cif": .structure(sites: 76, formula: "Ca3.68Al7.2Si8.8O49.28", warnings: [.symmetryFromSymbol]),
        "pymatgen/Co8.cif": .structure(sites: 8, formula: "Co8", warnings: []),
        "pymatgen/MgNiF6.cif": .structure(sites: 8, formula: "MgNiF6", warnings: []),
        "pymatgen/bad_superflat_inf_loop.cif": .error("invalid-lattice", line: 5),
    ]

    func testEveryEdgeCaseHasItsExpectedOutcome() throws {
        let root = TestData.cif.appendingPathComponent("edge-cases")
        var found: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".cif") { found.append(path) }
        }
        XCTAssertEqual(Set(found), Set(expectations.keys), "edge-case files and expectations differ")
        for (path, expected) in expectations.sorted(by: { $0.key < $1.key }) {
            let url = try TestData.cifFile("edge-cases/" + path)
            let outcome: Result<CIFStructure, CIFError>
            do {
                let file = try CIFReader.read(contentsOf: url)
                XCTAssertEqual(file.blocks.count, 1, path)
                outcome = try XCTUnwrap(file.blocks.first, path)
            } catch let error as CIFError {
                outcome = .failure(error)
            }
            switch (expected, outcome) {
            case (.structure(let sites, let formula, let warnings), .success(let s)):
                XCTAssertEqual(s.structure.siteCount, sites, path)
                let expectedAmounts = try Composition(formula: formula).amounts
                let amounts = s.structure.composition.amounts
                XCTAssertEqual(Set(amounts.keys), Set(expectedAmounts.keys), path)
                for (symbol, amount) in expectedAmounts {
                    XCTAssertEqual(amounts[symbol] ?? -1, amount, accuracy: 1e-9, "\(path) \(symbol)")
                }
                XCTAssertEqual(Set(s.warnings.map(\.code)), warnings, "\(path): \(s.warnings)")
            case (.error(let code, let line), .failure(let error)):
                XCTAssertEqual(error.code, code, "\(path): \(error)")
                XCTAssertEqual(error.line, line, "\(path): \(error)")
                XCTAssertEqual(error.file, url.path)
                XCTAssertTrue(error.description.contains("\(url.path):\(line):"), error.description)
            default:
                XCTFail("\(path): expected \(expected), got \(outcome)")
            }
        }
    }

    func testICSDStyleMetadataAndUncertainties() throws {
        let s = try CIFReader.readStructure(bytes: [UInt8](Data(contentsOf: TestData.cifFile("edge-cases/icsd-style/999999999.cif"))))
        XCTAssertEqual(s.metadata.icsdCode, 999_999_999)
        XCTAssertEqual(s.metadata.formulaSum, "Fe2 N11 Si4")
        XCTAssertEqual(s.metadata.formulaUnitsZ, 2)
        XCTAssertEqual(s.metadata.journalYear, 1726)
        XCTAssertEqual(s.metadata.spaceGroupHM, "P 1 21/c 1")
        XCTAssertEqual(s.cell.a.value, 2.016)
        XCTAssertEqual(try XCTUnwrap(s.cell.a.standardUncertainty), 0.003, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(s.cell.beta.standardUncertainty), 0.05, accuracy: 1e-12)
        XCTAssertEqual(s.asymmetricUnitCount, 9)
        XCTAssertEqual(s.structure.sites.first?.species.first?.symbol, "Si4+")
    }

    func testCODMetadata() throws {
        let s = try CIFReader.readStructure(bytes: [UInt8](Data(contentsOf: TestData.cifFile("edge-cases/diffpy/curlybrackets.cif"))))
        XCTAssertNotNil(s.metadata.codCode)
        XCTAssertEqual(try XCTUnwrap(s.cell.b.standardUncertainty), 0.0001, accuracy: 1e-12)
    }
}
