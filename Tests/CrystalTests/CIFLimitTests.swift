import Foundation
import XCTest
@testable import Crystal

/// Issue 17 item 4: huge CIFs are refused before symmetry, and absurd cells are not crystals.
final class CIFLimitTests: XCTestCase {
    /// A P1 CIF with `count` atoms on a grid, in a cell of edge `a`.
    static func gridCIF(atoms count: Int, a: String = "50", operators: [String] = ["x,y,z"]) -> String {
        var text = """
            data_big
            _cell_length_a \(a)
            _cell_length_b 50
            _cell_length_c 50
            _cell_angle_alpha 90
            _cell_angle_beta 90
            _cell_angle_gamma 90
            loop_
            _symmetry_equiv_pos_as_xyz
            \(operators.map { "'\($0)'" }.joined(separator: "\n"))
            loop_
            _atom_site_label
            _atom_site_type_symbol
            _atom_site_fract_x
            _atom_site_fract_y
            _atom_site_fract_z

            """
        let side = Int(Double(count).squareRoot().rounded(.up))
        for index in 0..<count {
            // Off the special positions of the operators used below.
            text += "Fe\(index) Fe \(0.013 + 0.4 * Double(index % side) / Double(side)) \(0.027 + 0.4 * Double(index / side) / Double(side)) 0.11\n"
        }
        return text
    }

    private func error(_ text: String, options: CIFReadOptions = CIFReadOptions()) -> CIFError? {
        do {
            let file = try CIFReader.read(bytes: Array(text.utf8), file: "t.cif", options: options)
            guard case .failure(let error)? = file.blocks.first else { return nil }
            return error
        } catch {
            return error
        }
    }

    func testAbsurdCellLengthIsRefusedWithAReason() throws {
        let refused = try XCTUnwrap(error(Self.gridCIF(atoms: 1, a: "1e30")))
        XCTAssertEqual(refused.code, "cell-out-of-range")
        XCTAssertEqual(refused.tag, "_cell_length_a")
        XCTAssertTrue(refused.message.contains("--max-cell-length"), refused.message)
        XCTAssertNil(error(Self.gridCIF(atoms: 1, a: "999")))
    }

    func testTooManyListedAtomsAreRefusedBeforeSymmetry() throws {
        let started = Date()
        let refused = try XCTUnwrap(error(Self.gridCIF(atoms: 6_000)))
        XCTAssertEqual(refused.code, "too-many-atoms")
        XCTAssertTrue(refused.message.contains("6000 atom sites listed, more than the limit of 5000 (--max-atoms 5000)"), refused.message)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertNil(error(Self.gridCIF(atoms: 50), options: CIFReadOptions(maxAtoms: 50)))
        XCTAssertEqual(error(Self.gridCIF(atoms: 51), options: CIFReadOptions(maxAtoms: 50))?.code, "too-many-atoms")
    }

    func testTheSymmetryExpansionIsBoundedToo() throws {
        // 4 listed atoms × 4 operators = 16 sites, over a limit of 10.
        let text = Self.gridCIF(atoms: 4, operators: ["x,y,z", "-x,-y,z", "x+1/2,y,z+1/2", "-x,y+1/2,-z"])
        let refused = try XCTUnwrap(error(text, options: CIFReadOptions(maxAtoms: 10)))
        XCTAssertEqual(refused.code, "too-many-atoms")
        XCTAssertTrue(refused.message.contains("symmetry expansion produces more than 10 sites"), refused.message)
        XCTAssertNil(error(text, options: CIFReadOptions(maxAtoms: 16)))
    }

    func testFileSizeAndFileTypeAreCheckedBeforeReading() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("curate-big-\(UUID().uuidString).cif").path
        try Self.gridCIF(atoms: 100).write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertThrowsError(try CIFReader.checkFile(path: path, options: CIFReadOptions(maxFileBytes: 1_000))) { error in
            XCTAssertEqual((error as? CIFError)?.code, "file-too-large")
            XCTAssertTrue("\(error)".contains("--max-cif-bytes"), "\(error)")
        }
        XCTAssertNoThrow(try CIFReader.checkFile(path: path))
        XCTAssertThrowsError(try CIFReader.checkFile(path: "/dev/zero")) { error in
            XCTAssertTrue("\(error)".contains("not a regular file"), "\(error)")
        }
    }
}
