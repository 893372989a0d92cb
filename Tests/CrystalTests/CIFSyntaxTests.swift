import Crystal
import XCTest

final class CIFSyntaxTests: XCTestCase {
    private func values(_ text: String) throws -> [String] {
        try CIFTokenizer.tokenize(Array(text.utf8)).tokens.compactMap {
            if case .value(let v, _) = $0.kind { return v }
            return nil
        }
    }

    func testQuotesWithEmbeddedQuotesCommentsAndSpecialValues() throws {
        let text = "data_x\n_a 'it's here' # comment\n_b \"say \"hi\"now\"\n_c ?\n_d .\n_e\tbare#notcomment\n"
        XCTAssertEqual(try values(text), ["it's here", "say \"hi\"now", "?", ".", "bare#notcomment"])
        let block = try XCTUnwrap(try CIFDocument(text: text).blocks.first)
        XCTAssertTrue(try XCTUnwrap(block.value("_C")).isUnknown)
        XCTAssertTrue(try XCTUnwrap(block.value("_d")).isInapplicable)
        XCTAssertFalse(CIFValue(text: "?", quoting: .quoted, line: 1).isUnknown)
    }

    func testTextFieldCRLFAndLineNumbers() throws {
        let text = "data_x\r\n_a\r\n;\r\nline one\r\nline two\r\n;\r\n_b 2\r\n"
        let (tokens, _) = try CIFTokenizer.tokenize(Array(text.utf8))
        XCTAssertEqual(tokens.map(\.line), [1, 2, 3, 7, 7])
        guard case .value(let field, .textField) = tokens[2].kind else { return XCTFail("\(tokens[2])") }
        XCTAssertEqual(field.replacingOccurrences(of: "\r", with: ""), "line one\nline two")
    }

    func testBOMLeadingCopyrightLineAndTripleQuotesAreWarnings() throws {
        let text = "\u{FEFF}(c) 2024 by FIZ Karlsruhe - it's all rights reserved\ndata_x\n_a '''multi\nline'''\n_b 1\n"
        let document = try CIFDocument(text: text)
        XCTAssertEqual(document.warnings.map(\.code), [.byteOrderMark, .leadingText, .tripleQuotedString])
        XCTAssertEqual(document.warnings[1].line, 1)
        XCTAssertEqual(document.blocks.first?.value("_a")?.text, "multi\nline")
        XCTAssertEqual(document.blocks.first?.value("_b")?.line, 5)
    }

    func testMultiBlockFilesKeepEveryBlockAndLoops() throws {
        let text = """
        data_first
        _cell_length_a 1
        loop_
        _x _y
        1 2 3 4
        data_second
        _cell_length_a 2
        """
        let document = try CIFDocument(text: text)
        XCTAssertEqual(document.blocks.map(\.name), ["first", "second"])
        XCTAssertEqual(document.blocks[0].loops.first?.rows.count, 2)
        XCTAssertEqual(document.blocks[0].loops.first?.values("_Y")?.map(\.text), ["2", "4"])
        XCTAssertEqual(document.block(named: "SECOND")?.value("_cell_length_a")?.text, "2")
    }

    func testStructuralErrorsNameTheLine() {
        let cases: [(String, String, Int)] = [
            ("data_x\n_a 1\nstray\n", "value-without-tag", 3),
            ("data_x\n_a\n_b 1\n", "tag-without-value", 2),
            ("data_x\nloop_\n_a _b\n1 2 3\n", "loop-count-mismatch", 4),
            ("data_x\n_a\n;\nnever closed\n", "unterminated-text-field", 3),
            ("data_x\n_a 'open\n", "unterminated-quote", 2),
            ("# only a comment\n", "no-data-block", 0),
        ]
        for (text, code, line) in cases {
            XCTAssertThrowsError(try CIFDocument(text: text, file: "t.cif"), code) { error in
                guard let error = error as? CIFError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.code, code)
                XCTAssertEqual(error.line ?? 0, line, code)
                XCTAssertEqual(error.file, "t.cif")
            }
        }
    }

    func testNumbersWithUncertaintiesAndFractions() throws {
        let n = try XCTUnwrap(CIFNumber("3.7565(1)"))
        XCTAssertEqual(n.value, 3.7565)
        XCTAssertEqual(try XCTUnwrap(n.standardUncertainty), 1e-4, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(CIFNumber("238.921(15)")?.standardUncertainty), 0.015, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(CIFNumber("12(3)")?.standardUncertainty), 3)
        XCTAssertEqual(CIFNumber("1.")?.value, 1)
        XCTAssertEqual(CIFNumber("-.0015")?.value, -0.0015)
        XCTAssertEqual(CIFNumber("1e-3")?.value, 0.001)
        XCTAssertEqual(try XCTUnwrap(CIFNumber("1/3")?.value), 1.0 / 3, accuracy: 1e-15)
        for bad in ["1.000000(x)", "nan", "inf", "", "0.(28510)", "1/0", "45.6a", "1e999", "--1", "."] {
            XCTAssertNil(CIFNumber(bad), bad)
        }
    }

    func testSymmetryOperators() throws {
        let op = try XCTUnwrap(SymmetryOperation(xyz: "-x+1/2, y, -z"))
        XCTAssertEqual(op.apply(Vector3(0.1, 0.2, 0.3)), Vector3(0.4, 0.2, -0.3))
        let hex = try XCTUnwrap(SymmetryOperation(xyz: "x-y,x,z+1/3"))
        let p = hex.apply(Vector3(0.5, 0.25, 0))
        XCTAssertEqual(p.x, 0.25)
        XCTAssertEqual(p.y, 0.5)
        XCTAssertEqual(p.z, 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(SymmetryOperation(xyz: "1/2+X, -Y, 0.25-z")?.translation, Vector3(0.5, 0, 0.25))
        XCTAssertEqual(SymmetryOperation(xyz: "2*x, y, z")?.rotation.r0, Vector3(2, 0, 0))
        for bad in ["x,y", "x, y81/2, z", "x,=y,z", "x,y,z*1/2", "a,b,c", "x,y,", "x,y,z,x"] {
            XCTAssertNil(SymmetryOperation(xyz: bad), bad)
        }
    }
}
