import Foundation
import XCTest
@testable import Parquet

/// The file layout, byte for byte where it is small enough to work out by hand.
final class ParquetLayoutTests: XCTestCase {
    func testOneRequiredInt64ColumnIsMagicPageFooterLengthMagic() throws {
        let bytes = try ParquetWriter.write(ParquetTable(columns: [ParquetColumn(name: "n", values: .int64([1, -2]))]))
        XCTAssertEqual(Array(bytes.prefix(4)), Array("PAR1".utf8))
        XCTAssertEqual(Array(bytes.suffix(4)), Array("PAR1".utf8))
        // Page header: DATA_PAGE, 16 bytes, 16 bytes, data_page_header {2 values, PLAIN, RLE, RLE}.
        let header: [UInt8] = [0x15, 0x00, 0x15, 0x20, 0x15, 0x20, 0x2C, 0x15, 0x04, 0x15, 0x00, 0x15, 0x06, 0x15, 0x06, 0x00, 0x00]
        XCTAssertEqual(Array(bytes[4..<(4 + header.count)]), header)
        // A required column has no levels: the body is the two values, little-endian.
        let body = Array(bytes[(4 + header.count)..<(4 + header.count + 16)])
        XCTAssertEqual(body, [1, 0, 0, 0, 0, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        let footerLength = Int(bytes[bytes.count - 8]) | Int(bytes[bytes.count - 7]) << 8
        XCTAssertEqual(4 + header.count + 16 + footerLength + 8, bytes.count, "the footer fills the rest exactly")
    }

    func testNullableColumnsStoreRLEDefinitionLevelsAndOnlyPresentValues() {
        let chunk = ColumnChunkEncoder.encode(ParquetColumn(name: "x", values: .double([nil, nil, nil, 2.5]), nullable: true), rows: 0..<4)
        // Levels: length 4, run of three 0s (header 3<<1), run of one 1 (header 1<<1); then 2.5.
        XCTAssertEqual(Array(chunk.body.prefix(8)), [4, 0, 0, 0, 0x06, 0x00, 0x02, 0x01])
        XCTAssertEqual(Array(chunk.body.suffix(8)), PlainEncoding.littleEndian((2.5).bitPattern))
        XCTAssertEqual(chunk.nullCount, 3)
        XCTAssertEqual(chunk.valueCount, 4)
    }

    func testBooleansPackLeastSignificantBitFirst() {
        var bytes: [UInt8] = []
        PlainEncoding.append([true, false, false, true, false, false, false, false, true], to: &bytes)
        XCTAssertEqual(bytes, [0b0000_1001, 0b0000_0001])
    }

    func testListsWriteRepetitionThenDefinitionLevels() {
        let chunk = ColumnChunkEncoder.encode(ParquetColumn(name: "l", values: .stringList([["a", "b"], [], ["c"]])), rows: 0..<3)
        // Entries: a (r0 d1), b (r1 d1), empty (r0 d0), c (r0 d1).
        // Repetition runs: 0×1, 1×1, 0×2; definition runs: 1×2, 0×1, 1×1.
        let repetition: [UInt8] = [6, 0, 0, 0, 0x02, 0, 0x02, 1, 0x04, 0]
        let definition: [UInt8] = [6, 0, 0, 0, 0x04, 1, 0x02, 0, 0x02, 1]
        XCTAssertEqual(Array(chunk.body.prefix(20)), repetition + definition)
        XCTAssertEqual(chunk.valueCount, 4)
    }

    func testSameTableSameBytes() throws {
        let table = ParquetTable(columns: [ParquetColumn(name: "s", values: .string(["b", nil, "a"]), nullable: true),
                                           ParquetColumn(name: "l", values: .stringList([["x"], [], ["y", "z"]]))])
        let options = ParquetWriter.Options(rowsPerGroup: 2, createdBy: "curate version test")
        XCTAssertEqual(try ParquetWriter.write(table, options: options), try ParquetWriter.write(table, options: options))
    }

    func testMalformedTablesAreRefusedWithTheColumnNamed() {
        func error(_ table: ParquetTable, rowsPerGroup: Int = 10) -> ParquetError? {
            do { _ = try ParquetWriter.write(table, options: .init(rowsPerGroup: rowsPerGroup)); return nil } catch { return error }
        }
        XCTAssertEqual(error(ParquetTable(columns: [])), .noColumns)
        XCTAssertEqual(error(ParquetTable(columns: [.init(name: "a", values: .int64([1, nil]))])), .nullInRequiredColumn(column: "a", row: 1))
        XCTAssertEqual(error(ParquetTable(columns: [.init(name: "a", values: .int64([1])), .init(name: "b", values: .boolean([true, false]))])),
                       .columnLength(column: "b", rows: 2, expected: 1))
        XCTAssertEqual(error(ParquetTable(columns: [.init(name: "a", values: .int64([])), .init(name: "a", values: .double([]))])),
                       .duplicateColumn("a"))
        XCTAssertEqual(error(ParquetTable(columns: [.init(name: "a", values: .int64([]))]), rowsPerGroup: 0), .rowsPerGroup(0))
        XCTAssertEqual(ParquetError.nullInRequiredColumn(column: "a", row: 1).description, "column \"a\" is not nullable but row 1 is null")
    }
}

/// Tables written here and read back by pyarrow and DuckDB (scripts/parquet-dump.py) give back
/// every cell.
final class ParquetReadBackTests: XCTestCase {
    func testEveryTypeWithNullsEmptyStringsAndUnicodeReadsBack() throws {
        let strings: [String?] = ["", nil, "Fe₂O₃ — ünïcödé", "日本語", "👩‍🔬 e\u{301}", "comma, \"quote\"\nnewline", String(repeating: "x", count: 100)]
        let doubles: [Double?] = [0.1, nil, -0.0, 1e-300, .infinity, -1.7976931348623157e308, .leastNonzeroMagnitude]
        let ints: [Int64?] = [0, Int64.min, Int64.max, nil, -1, 42, 1 << 40]
        let bools: [Bool?] = [true, false, nil, true, true, false, nil]
        let lists: [[String]] = [[], ["a"], ["", "β"], [], ["x", "y", "z"], ["👍"], []]
        let table = ParquetTable(columns: [
            ParquetColumn(name: "s", values: .string(strings), nullable: true),
            ParquetColumn(name: "d", values: .double(doubles), nullable: true),
            ParquetColumn(name: "i", values: .int64(ints), nullable: true),
            ParquetColumn(name: "b", values: .boolean(bools), nullable: true),
            ParquetColumn(name: "l", values: .stringList(lists)),
            ParquetColumn(name: "required_s", values: .string(strings.map { $0 ?? "-" })),
            ParquetColumn(name: "required_d", values: .double(doubles.map { $0 ?? 7 })),
        ])
        let dump = try PyArrowReader.read(try ParquetWriter.write(table, options: .init(createdBy: "curate version test")))
        XCTAssertEqual(dump.rows, 7)
        XCTAssertEqual(dump.rowGroups, 1)
        XCTAssertEqual(dump.createdBy, "curate version test")
        XCTAssertEqual(dump.schema, ["s": "string", "d": "double", "i": "int64", "b": "bool", "l": "list<element: string not null>",
                                     "required_s": "string", "required_d": "double"])
        try assertCells(dump, table)
    }

    func testZeroRowsKeepTheSchema() throws {
        let table = ParquetTable(columns: [ParquetColumn(name: "s", values: .string([]), nullable: true),
                                           ParquetColumn(name: "l", values: .stringList([])),
                                           ParquetColumn(name: "b", values: .boolean([]))])
        let dump = try PyArrowReader.read(try ParquetWriter.write(table))
        XCTAssertEqual(dump.rows, 0)
        XCTAssertEqual(dump.rowGroups, 0)
        XCTAssertEqual(Set(dump.schema.keys), ["s", "l", "b"])
    }

    func testManyRowGroupsSplitRowsInOrder() throws {
        let count = 1_003
        let table = ParquetTable(columns: [
            ParquetColumn(name: "n", values: .int64((0..<count).map { Int64($0) })),
            ParquetColumn(name: "half", values: .double((0..<count).map { $0 % 3 == 0 ? nil : Double($0) / 2 }), nullable: true),
            ParquetColumn(name: "flag", values: .boolean((0..<count).map { $0 % 7 == 0 })),
            ParquetColumn(name: "tag", values: .string((0..<count).map { $0 % 5 == 0 ? nil : "row \($0)" }), nullable: true),
            ParquetColumn(name: "parts", values: .stringList((0..<count).map { row in (0..<(row % 4)).map { "p\($0)" } })),
        ])
        let dump = try PyArrowReader.read(try ParquetWriter.write(table, options: .init(rowsPerGroup: 10)))
        XCTAssertEqual(dump.rowGroups, 101)
        XCTAssertEqual(dump.rows, count)
        try assertCells(dump, table)
    }

    /// Compares every cell of `dump` with `table` (doubles exactly, through their repr text).
    func assertCells(_ dump: PyArrowReader.Dump, _ table: ParquetTable, file: StaticString = #filePath, line: UInt = #line) throws {
        for column in table.columns {
            let read = try XCTUnwrap(dump.columns[column.name], column.name, file: file, line: line)
            XCTAssertEqual(read.count, column.values.count, column.name, file: file, line: line)
            for (row, cell) in read.enumerated() {
                let expected: Any?
                switch column.values {
                case .int64(let values): expected = values[row]
                case .double(let values): expected = values[row]
                case .boolean(let values): expected = values[row]
                case .string(let values): expected = values[row]
                case .stringList(let values): expected = values[row]
                }
                let matches: Bool
                switch (expected, cell) {
                case (nil, is NSNull): matches = true
                case (let value as Double, let text as String):
                    matches = (text == "inf" ? Double.infinity : text == "-inf" ? -Double.infinity : Double(text))?.bitPattern == value.bitPattern
                case (let value as Int64, let number as NSNumber): matches = number.int64Value == value
                case (let value as Bool, let number as NSNumber): matches = number.boolValue == value
                case (let value as String, let text as String): matches = value == text && Array(value.utf8) == Array(text.utf8)
                case (let value as [String], let list as [String]): matches = value == list
                default: matches = false
                }
                XCTAssertTrue(matches, "\(column.name)[\(row)]: wrote \(String(describing: expected)), read \(cell)", file: file, line: line)
            }
        }
    }
}
