import Foundation
import Store
import XCTest
@testable import Ingest

/// Small hostile structure tables: each fault is quarantined with its row, code and field, or
/// refused before the store is touched; nothing crashes.
final class StructureTableHostileTests: XCTestCase {
    private let goodCIF = """
        data_NaCl
        _cell_length_a 5.64
        _cell_length_b 5.64
        _cell_length_c 5.64
        _cell_angle_alpha 90
        _cell_angle_beta 90
        _cell_angle_gamma 90
        _symmetry_space_group_name_H-M 'P 1'
        loop_
        _atom_site_type_symbol
        _atom_site_fract_x
        _atom_site_fract_y
        _atom_site_fract_z
        Na 0 0 0
        Cl 0.5 0.5 0.5
        """
    private let goodRepr = "{'@class': 'Structure', 'lattice': {'matrix': [[4.0, 0.0, 0.0], [0.0, 4.0, 0.0], [0.0, 0.0, 4.0]]}, 'sites': [{'species': [{'element': 'Cs', 'occu': 1}], 'abc': [0.0, 0.0, 0.0], 'properties': {'magmom': None, 'fixed': True}}, {'species': [{'element': 'Cl', 'occu': 1}], 'abc': [0.5, 0.5, 0.5]}]}"

    private func quarantine(_ records: [PreparedRecord], locator: String) -> QuarantineReason? {
        records.first { $0.locator == locator }?.reason
    }

    func testBrokenCIFQuarantinesItsRowWithTheReadersReason() throws {
        let directory = try TemporaryDirectory()
        let broken = "data_x\n_cell_length_a 5.64\nloop_\n_atom_site_type_symbol\n_atom_site_fract_x\nNa 0\n"
        let csv = "id,cif,heat\n1,\"\(goodCIF)\",-1.5\n2,\"\(broken)\",-2.0\n3,\"\(goodCIF)\",abc\n"
        let path = try directory.write("cifs.csv", csv)
        let (layout, records) = try StructureTableIngester.prepare(path: path)
        XCTAssertEqual(layout, "cif-csv")
        XCTAssertEqual(records.compactMap(\.observation).count, 1)
        let reason = try XCTUnwrap(records.first { $0.locator == "row 2" }?.reason)
        XCTAssertTrue(reason.code.hasPrefix("cif."), reason.code)
        XCTAssertEqual(reason.field, "cif")
        XCTAssertTrue(reason.message.hasPrefix("row 2: cif"), reason.message)
        XCTAssertEqual(records.first { $0.locator == "row 2" }?.line, 17)
        let value = try XCTUnwrap(quarantine(records, locator: "row 3 heat"))
        XCTAssertEqual(value.code, "value.not_a_number")
        XCTAssertEqual(value.field, "heat")
    }

    func testUnclosedQuoteIsRefusedWithItsLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("open.csv", "# ref: somebody\nid,cif,heat\n1,\"data_x\n_cell_length_a 5,1.0\n")
        XCTAssertThrowsError(try StructureTableIngester.prepare(path: path)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("line 3: unterminated quoted field (started on line 3)"), text)
            XCTAssertTrue(text.contains("open.csv"), text)
        }
        let store = try CurateStore.inMemory()
        let hash = try store.contentHash()
        XCTAssertThrowsError(try StructureTableIngester().ingest(path: path, into: store))
        XCTAssertEqual(try store.contentHash(), hash)
    }

    func testMatminerReprFaultsNameTheField() throws {
        let directory = try TemporaryDirectory()
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let rows = [
            "mp-1,\(quoted("{'Cs': 1.0, 'Cl': 1.0}")),2,\(quoted(goodRepr)),-2.1",
            "mp-2,\(quoted("{'Cs': 1.0, 'Cl': 1.0}")),2,\(quoted(String(goodRepr.prefix(80)))),-2.2",
            "mp-3,\(quoted("{'Cs': 1.0, 'Cl': 1.0}")),2,\(quoted("[1, 2, 3]")),-2.3",
            "mp-4,\(quoted("{'Xx': 1.0, 'Cl': 1.0}")),2,\(quoted(goodRepr.replacingOccurrences(of: "'Cs'", with: "'Xx'"))),-2.4",
            "mp-5,\(quoted("{'Na': 1.0, 'Cl': 1.0}")),2,\(quoted(goodRepr)),-2.5",
            "mp-6,\(quoted("{'Cs': 1.0, 'Cl': 1.0}")),3,\(quoted(goodRepr)),-2.6",
            "mp-7,\(quoted("{'Cs': 1.0, 'Cl': 1.0}")),2,\(quoted(goodRepr.replacingOccurrences(of: "None", with: "array([0])"))),-2.7",
            "mp-8,only,two",
        ]
        let csv = "# ref: a test\nmaterial_id,formula,nsites,structure,formation_energy_per_atom\n" + rows.joined(separator: "\n") + "\n"
        let path = try directory.write("matminer.csv", csv)
        let (layout, records) = try StructureTableIngester.prepare(path: path)
        XCTAssertEqual(layout, "matminer-csv")
        let good = try XCTUnwrap(records.first?.observation)
        XCTAssertEqual(good.metadata["id"] as? String, "mp-1")
        XCTAssertEqual(good.metadata["space_group"] as? Int, 221)
        XCTAssertEqual(good.material.reducedFormula, "CsCl")
        XCTAssertEqual(records.first?.line, 3)
        let expected: [(String, String, String?)] = [
            ("row 2", "structure.malformed_repr", "structure"), ("row 3", "structure.not_a_dict", "structure"),
            ("row 4", "formula.invalid", "formula"), ("row 5", "formula.mismatch", "formula"),
            ("row 6", "structure.nsites_mismatch", "nsites"), ("row 7", "structure.malformed_repr", "structure"),
            ("row 8", "row.column_count", nil),
        ]
        for (locator, code, field) in expected {
            let reason = try XCTUnwrap(quarantine(records, locator: locator), locator)
            XCTAssertEqual(reason.code, code, "\(locator): \(reason.message)")
            XCTAssertEqual(reason.field, field, locator)
        }
        XCTAssertTrue(quarantine(records, locator: "row 7")?.message.contains("a call array(...) is not a literal") ?? false)
        XCTAssertEqual(records.first { $0.locator == "row 8" }?.line, 10)
        XCTAssertEqual(records.count, 8)
    }

    func testUnknownSpeciesInTheStructureNamesItsPath() throws {
        XCTAssertThrowsError(try BenchmarkRowInterpreter.pymatgen(goodRepr.replacingOccurrences(of: "'Cs'", with: "'Xx'"), field: "structure")) { error in
            let rejection = error as? BenchmarkRowInterpreter.Rejection
            XCTAssertEqual(rejection?.code, "structure.invalid")
            XCTAssertTrue(rejection?.message.contains("sites[0]") ?? false, rejection?.message ?? "")
        }
    }

    func testMatbenchSplitJSONAndItsFaults() throws {
        let directory = try TemporaryDirectory()
        let structure = try PythonLiteral.json(goodRepr)
        let json = """
            {"index": ["mb-1", "mb-2", "mb-3"], "columns": ["structure", "e_form"],
             "data": [[\(structure), -1.25], [\(structure)], 7]}
            """
        let path = try directory.write("matbench.json", json)
        let (layout, records) = try StructureTableIngester.prepare(path: path)
        XCTAssertEqual(layout, "matbench-json")
        let value = try XCTUnwrap(records.first?.observation)
        XCTAssertEqual(value.property, "formation_energy_per_atom")
        XCTAssertEqual(value.value, -1.25)
        XCTAssertEqual(value.metadata["id"] as? String, "mb-1")
        XCTAssertEqual(quarantine(records, locator: "data[1]")?.code, "row.column_count")
        XCTAssertEqual(quarantine(records, locator: "data[2]")?.code, "row.malformed")

        // Gzipped: a whole file reads; a truncated one is refused and the store is unchanged.
        let gzipped = try gzip(path, in: directory)
        XCTAssertEqual(try StructureTableIngester.prepare(path: gzipped).records.count, 3)
        let truncated = try truncatedCopy(gzipped, fraction: 0.6, name: "truncated.json.gz", in: directory)
        let store = try CurateStore.inMemory()
        _ = try StructureTableIngester().ingest(path: path, into: store)
        let hash = try store.contentHash()
        XCTAssertThrowsError(try StructureTableIngester().ingest(path: truncated, into: store))
        XCTAssertEqual(try store.contentHash(), hash)
        let cut = try directory.write("cut.json", String(json.prefix(120)))
        XCTAssertThrowsError(try StructureTableIngester.prepare(path: cut)) { error in
            XCTAssertTrue("\(error)".contains("not a JSON document"), "\(error)")
        }
    }

    func testWrenLabelsAreCheckedAgainstTheComposition() throws {
        let directory = try TemporaryDirectory()
        let csv = """
            material_id,composition,E_f,protostructure
            a,CaTiO3,-3.1,AB3C_cP5_221_a_c_b:Ca-O-Ti
            b,CaTiO3,-3.0,AB3C_cP5_x_a_c_b:Ca-O-Ti
            c,SrTiO3,-3.2,AB3C_cP5_221_a_c_b:Ca-O-Ti
            d,Qq2,-1,A_cP1_221_a:Qq
            """
        let (layout, records) = try StructureTableIngester.prepare(path: try directory.write("wren.csv", csv + "\n"))
        XCTAssertEqual(layout, "wren-csv")
        XCTAssertEqual(records.first?.observation?.metadata["protostructure"] as? String, "AB3C_cP5_221_a_c_b:Ca-O-Ti")
        XCTAssertEqual(quarantine(records, locator: "row 2")?.code, "protostructure.malformed")
        XCTAssertEqual(quarantine(records, locator: "row 3")?.code, "protostructure.mismatch")
        XCTAssertEqual(quarantine(records, locator: "row 4")?.field, "composition")
        // No structure column at all: refused.
        let plain = try directory.write("plain.csv", "id,composition,E_f\na,NaCl,-2\n")
        XCTAssertThrowsError(try StructureTableIngester.prepare(path: plain)) { error in
            XCTAssertTrue("\(error)".contains("no structure column"), "\(error)")
        }
    }

    func testPythonLiteralRewrite() throws {
        XCTAssertEqual(try PythonLiteral.json("{'a': (1, 2,), 'b': True, 'c': None, 'd': \"it's\", 'e': 'say \"hi\"', 'f': .5}"),
                       "{\"a\": [1, 2], \"b\": true, \"c\": null, \"d\": \"it's\", \"e\": \"say \\\"hi\\\"\", \"f\": 0.5}")
        XCTAssertEqual(try PythonLiteral.json("{'x': 'a\\'b', 'y': -inf}"), "{\"x\": \"a'b\", \"y\": null}")
        for (text, position) in [("{'a': 1", 7), ("{'a: 1}", 2), ("{'a': 1]", 8), ("{'a': foo}", 7), ("", 1), ("{'a': 1e}", 7)] {
            XCTAssertThrowsError(try PythonLiteral.json(text), text) { error in
                XCTAssertEqual((error as? PythonLiteral.Failure)?.position, position, "\(text): \(error)")
            }
        }
    }

    private func gzip(_ path: String, in directory: TemporaryDirectory) throws -> String {
        let output = directory.path("matbench.json.gz")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c '\(path)' > '\(output)'"]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return output
    }
}
