import Chemistry
import Crystal
import XCTest

final class CIFStructureTests: XCTestCase {
    private func read(_ text: String) throws -> CIFStructure {
        try CIFReader.readStructure(bytes: Array(text.utf8), file: "t.cif")
    }

    /// ICSD layout: copyright line, uncertainties, `.` values, charged species, operators.
    private let icsdLike = """
    (C) 2024 by FIZ Karlsruhe - Leibniz Institute for Information Infrastructure.  All rights reserved.
    data_12345-ICSD
    _database_code_ICSD 12345
    _chemical_formula_sum 'Fe2 O3'
    _cell_length_a 5.0(1)
    _cell_length_b 5.0(1)
    _cell_length_c 5.0
    _cell_angle_alpha 90.
    _cell_angle_beta 90.
    _cell_angle_gamma 90.
    _cell_formula_units_Z 2
    _citation_year 1999
    _space_group_name_H-M_alt 'P -1'
    loop_
    _space_group_symop_id
    _space_group_symop_operation_xyz
    1 'x, y, z'
    2 '-x, -y, -z'
    loop_
    _atom_site_label
    _atom_site_type_symbol
    _atom_site_fract_x
    _atom_site_fract_y
    _atom_site_fract_z
    _atom_site_B_iso_or_equiv
    _atom_site_occupancy
    Fe1 Fe3+ 0.1 0.2 0.3 . 1.
    O1 O2- 0.5 0.5 0.5 . 1.
    O2 O2- 0.3(1) 0.1 0.9 . 1.
    """

    func testICSDLayout() throws {
        let s = try read(icsdLike)
        XCTAssertEqual(s.warnings.map(\.code), [.leadingText])
        XCTAssertEqual(s.metadata.icsdCode, 12345)
        XCTAssertEqual(s.metadata.formulaUnitsZ, 2)
        XCTAssertEqual(s.metadata.journalYear, 1999)
        XCTAssertEqual(s.cell.a.value, 5.0)
        XCTAssertEqual(try XCTUnwrap(s.cell.a.standardUncertainty), 0.1, accuracy: 1e-15)
        XCTAssertNil(s.cell.c.standardUncertainty)
        XCTAssertEqual(s.symmetry, .operators(count: 2))
        // Fe and O2 double; O1 sits on an inversion centre and stays single.
        XCTAssertEqual(s.structure.siteCount, 5)
        XCTAssertEqual(s.structure.composition, try Composition(formula: "Fe2O3"))
        XCTAssertEqual(s.structure.sites[0].species[0].oxidationState, 3)
        XCTAssertEqual(s.structure.sites[2].species[0].symbol, "O2-")
    }

    func testSymbolWithoutOperatorsIsExplicit() throws {
        let text = """
        data_x
        _cell_length_a 4
        _cell_length_b 4
        _cell_length_c 4
        _cell_angle_alpha 90
        _cell_angle_beta 90
        _cell_angle_gamma 90
        _symmetry_space_group_name_H-M 'F m -3 m'
        loop_
        _atom_site_label
        _atom_site_fract_x
        _atom_site_fract_y
        _atom_site_fract_z
        Cu1 0 0 0
        D1 0.5 0.5 0.5
        Q1 0.25 0.25 0.25
        """
        let s = try read(text)
        XCTAssertEqual(s.symmetry, .spaceGroupDatabase(symbol: "F m -3 m", hallNumber: 523, count: 192))
        XCTAssertTrue(s.isFullyExpanded)
        XCTAssertEqual(Set(s.warnings.map(\.code)), [.symmetryFromSymbol, .speciesFromLabel, .isotopeAsHydrogen, .dummyAtomDropped])
        XCTAssertEqual(s.structure.composition, try Composition(formula: "Cu4H4"))

        // A symbol spglib does not know keeps the identity-only path and its warning.
        let unknown = try read(text.replacingOccurrences(of: "'F m -3 m'", with: "'X 9 q'"))
        XCTAssertEqual(unknown.symmetry, .identityOnly(symbol: "X 9 q"))
        XCTAssertFalse(unknown.isFullyExpanded)
        XCTAssertEqual(Set(unknown.warnings.map(\.code)), [.identityOnlySymmetry, .speciesFromLabel, .isotopeAsHydrogen, .dummyAtomDropped])
        XCTAssertEqual(unknown.structure.composition, try Composition(formula: "CuH"))
    }

    private func occupancyCIF(_ first: String, _ second: String, formula: String = "FeNi") -> String {
        """
        data_x
        _chemical_formula_sum '\(formula)'
        _cell_length_a 3
        _cell_length_b 3
        _cell_length_c 3
        _cell_angle_alpha 90
        _cell_angle_beta 90
        _cell_angle_gamma 90
        loop_
        _symmetry_equiv_pos_as_xyz
        x,y,z
        loop_
        _atom_site_type_symbol
        _atom_site_label
        _atom_site_fract_x
        _atom_site_fract_y
        _atom_site_fract_z
        _atom_site_occupancy
        Fe Fe1 0 0 0 \(first)
        Ni Ni1 1.0002 0 0 \(second)
        """
    }

    func testSharedSitesMergeAndOccupanciesAreChecked() throws {
        let shared = try read(occupancyCIF("0.5", "0.5"))
        XCTAssertEqual(shared.structure.siteCount, 1)
        XCTAssertEqual(shared.structure.sites[0].species.count, 2)
        XCTAssertTrue(shared.warnings.isEmpty, "\(shared.warnings)")

        let slightly = try read(occupancyCIF("0.505", "0.5"))
        XCTAssertEqual(slightly.warnings.map(\.code), [.occupancyNormalised, .formulaMismatch])
        XCTAssertEqual(slightly.structure.sites[0].totalOccupancy, 1, accuracy: 1e-12)

        XCTAssertThrowsError(try read(occupancyCIF("0.6", "0.5"))) { error in
            guard let error = error as? CIFError, case .overfullSite(let label, _) = error.reason else { return XCTFail("\(error)") }
            XCTAssertEqual(label, "Fe1")
            XCTAssertEqual(error.line, 19)
        }

        let mismatch = try read(occupancyCIF("0.5", "0.5", formula: "Fe Ni2"))
        XCTAssertEqual(mismatch.warnings.map(\.code), [.formulaMismatch])
    }

    func testNoSymmetryAtAllAssumesP1WithWarning() throws {
        let text = "data_x\n_cell_length_a 3\n_cell_length_b 3\n_cell_length_c 3\n_cell_angle_alpha 90\n_cell_angle_beta 90\n_cell_angle_gamma 90\nloop_\n_atom_site_type_symbol\n_atom_site_fract_x\n_atom_site_fract_y\n_atom_site_fract_z\nNa 0 0 0\n"
        let s = try read(text)
        XCTAssertEqual(s.symmetry, .assumedP1)
        XCTAssertEqual(s.warnings.map(\.code), [.noSymmetryAssumedP1])
    }

    func testMissingCellTagIsATypedError() {
        XCTAssertThrowsError(try read("data_x\n_cell_length_a 3\n")) { error in
            guard let error = error as? CIFError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.reason, .missingTag)
            XCTAssertEqual(error.tag, "_cell_length_b")
            XCTAssertEqual(error.description, "t.cif:1: _cell_length_b: missing-tag: required tag is missing")
        }
    }
}
