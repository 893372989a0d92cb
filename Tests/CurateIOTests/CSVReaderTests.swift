import Foundation
import XCTest

@testable import CurateIO

final class CSVReaderTests: XCTestCase {
    // MARK: - Fixtures

    private var temporaryDirectory: URL?

    override func setUpWithError() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("CSVReaderTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        temporaryDirectory = directory
    }

    override func tearDownWithError() throws {
        if let directory = temporaryDirectory {
            try? FileManager.default.removeItem(at: directory)
        }
        temporaryDirectory = nil
    }

    private struct FixtureError: Error, CustomStringConvertible {
        let description: String
    }

    private func temporaryPath(_ name: String) throws -> String {
        guard let directory = temporaryDirectory else { throw FixtureError(description: "no temporary directory") }
        return directory.appendingPathComponent(name).path
    }

    @discardableResult
    private func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = try temporaryPath(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @discardableResult
    private func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// The sibling `shared` checkout next to the package root. Tests that use it
    /// fail (never skip) when it is missing.
    private static let sharedSuperconDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // IngestTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()  // parent of the package root
        .appendingPathComponent("shared/data/supercon", isDirectory: true)

    private func sharedFile(_ relativePath: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let path = Self.sharedSuperconDirectory.appendingPathComponent(relativePath).path
        guard FileManager.default.fileExists(atPath: path) else {
            let message = "Required test data is missing: \(path). These tests read the real SuperCon files "
                + "from the shared data checkout (../shared/data/supercon next to the package root); "
                + "restore that checkout instead of skipping the test."
            XCTFail(message, file: file, line: line)
            throw FixtureError(description: message)
        }
        return path
    }

    /// Read settings that cut the file into many tiny reads and force the
    /// buffer to compact and grow, so record boundaries land everywhere.
    private static let chunkings: [(chunkSize: Int, capacity: Int)] = [
        (64 << 10, 256 << 10), (1, 16), (2, 16), (3, 17), (7, 32), (13, 64),
    ]

    private func options(
        _ base: CSVReaderOptions = .init(), chunkSize: Int, capacity: Int
    ) -> CSVReaderOptions {
        var options = base
        options.chunkSize = chunkSize
        options.initialBufferCapacity = capacity
        return options
    }

    private struct Parsed: Equatable {
        var header: CSVRow?
        var rows: [CSVRow]
        var repairs: Int
    }

    private enum Outcome: Equatable {
        case parsed(Parsed)
        case failed(CSVError)
    }

    private func outcome(_ path: String, _ options: CSVReaderOptions) -> Outcome {
        do {
            let reader = try CSVReader(path: path, options: options)
            let rows = try reader.readAll()
            return .parsed(Parsed(header: reader.header, rows: rows, repairs: reader.invalidUTF8Repairs))
        } catch {
            return .failed(error)
        }
    }

    /// Parses `path` under every chunking, asserts all agree, returns the result.
    private func parseEverywhere(
        _ path: String, _ base: CSVReaderOptions = .init(), file: StaticString = #filePath, line: UInt = #line
    ) -> Outcome {
        let reference = outcome(path, options(base, chunkSize: 64 << 10, capacity: 256 << 10))
        for chunking in Self.chunkings.dropFirst() {
            let other = outcome(path, options(base, chunkSize: chunking.chunkSize, capacity: chunking.capacity))
            XCTAssertEqual(other, reference, "chunkSize \(chunking.chunkSize), capacity \(chunking.capacity)", file: file, line: line)
        }
        return reference
    }

    private func parse(
        _ text: String, _ base: CSVReaderOptions = .init(), file: StaticString = #filePath, line: UInt = #line
    ) throws -> Parsed {
        try parse(bytes: Array(text.utf8), base, file: file, line: line)
    }

    private func parse(
        bytes: [UInt8], _ base: CSVReaderOptions = .init(), file: StaticString = #filePath, line: UInt = #line
    ) throws -> Parsed {
        let path = try write("input-\(UUID().uuidString).csv", bytes: bytes)
        switch parseEverywhere(path, base, file: file, line: line) {
        case .parsed(let parsed): return parsed
        case .failed(let error): throw error
        }
    }

    private func expectError(
        _ path: String, _ options: CSVReaderOptions = .init(), file: StaticString = #filePath, line: UInt = #line
    ) -> CSVError? {
        switch outcome(path, options) {
        case .failed(let error):
            return error
        case .parsed(let parsed):
            XCTFail("expected an error, read \(parsed.rows.count) rows", file: file, line: line)
            return nil
        }
    }

    private static let headerless: CSVReaderOptions = {
        var options = CSVReaderOptions()
        options.hasHeaderRow = false
        return options
    }()

    // MARK: - Basic parsing

    func testSimpleFileWithHeader() throws {
        let parsed = try parse("name,Tc\nNb,9.25\nMgB2,39\n")
        XCTAssertEqual(parsed.header?.fields, ["name", "Tc"])
        XCTAssertEqual(parsed.header?.line, 1)
        XCTAssertEqual(parsed.rows.map(\.fields), [["Nb", "9.25"], ["MgB2", "39"]])
        XCTAssertEqual(parsed.rows.map(\.line), [2, 3])
        XCTAssertEqual(parsed.rows.map(\.rawText), ["Nb,9.25", "MgB2,39"])
        XCTAssertEqual(parsed.repairs, 0)
    }

    func testQuotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let text = "id,text,n\n"
            + "1,\"a,b\",2\n"
            + "2,\"say \"\"hi\"\"\",3\n"
            + "3,\"line1\nline2\r\nline3\",4\n"
            + "4,plain,5\n"
            + "5,\"\",\"\"\"\"\n"
        let parsed = try parse(text)
        XCTAssertEqual(parsed.rows.map(\.fields), [
            ["1", "a,b", "2"],
            ["2", "say \"hi\"", "3"],
            ["3", "line1\nline2\r\nline3", "4"],
            ["4", "plain", "5"],
            ["5", "", "\""],
        ])
        XCTAssertEqual(parsed.rows.map(\.line), [2, 3, 4, 7, 8])
        XCTAssertEqual(parsed.rows[2].rawText, "3,\"line1\nline2\r\nline3\",4")
    }

    func testLineEndings() throws {
        let crlf = try parse("a,b\r\n1,2\r\n3,\"x\r\ny\"\r\n4,5\r\n")
        XCTAssertEqual(crlf.rows.map(\.fields), [["1", "2"], ["3", "x\r\ny"], ["4", "5"]])
        XCTAssertEqual(crlf.rows.map(\.line), [2, 3, 5])
        XCTAssertEqual(crlf.rows.map(\.rawText), ["1,2", "3,\"x\r\ny\"", "4,5"])

        let loneCR = try parse("a,b\r1,2\r3,\"x\ry\"\r\r4,5\r")
        XCTAssertEqual(loneCR.rows.map(\.fields), [["1", "2"], ["3", "x\ry"], ["4", "5"]])
        XCTAssertEqual(loneCR.rows.map(\.line), [2, 3, 6])

        let mixed = try parse("a\nb\r\nc\rd\n\re")
        XCTAssertEqual(mixed.header?.fields, ["a"])
        XCTAssertEqual(mixed.rows.map(\.fields), [["b"], ["c"], ["d"], ["e"]])
        XCTAssertEqual(mixed.rows.map(\.line), [2, 3, 4, 6])
    }

    func testUTF8ByteOrderMarkIsStripped() throws {
        let parsed = try parse(bytes: [0xEF, 0xBB, 0xBF] + Array("Status,Name\nok,\"Nb\"\n".utf8))
        XCTAssertEqual(parsed.header?.fields, ["Status", "Name"])
        XCTAssertEqual(parsed.header?.rawText, "Status,Name")
        XCTAssertEqual(parsed.header?.line, 1)
        XCTAssertEqual(parsed.rows.map(\.fields), [["ok", "Nb"]])
        // A BOM only counts at the very start of the file.
        let inner = try parse("a\n\u{FEFF}b\n")
        XCTAssertEqual(inner.rows.map(\.fields), [["\u{FEFF}b"]])
    }

    func testBlankLinesAreSkippedButCounted() throws {
        let parsed = try parse("a,b\n\n1,2\n\r\n\n3,4\n \t \n\" \",x\n\n\n")
        XCTAssertEqual(parsed.rows.map(\.fields), [["1", "2"], ["3", "4"], [" ", "x"]])
        XCTAssertEqual(parsed.rows.map(\.line), [3, 6, 8])
        let leading = try parse("\n\n\r\nh\n1\n")
        XCTAssertEqual(leading.header?.line, 4)
        XCTAssertEqual(leading.rows.map(\.line), [5])
    }

    func testLastRecordWithoutTerminatorAndEmptyFields() throws {
        let parsed = try parse("a,b,c\n,,\n1,2,\n\"\",,\"\"\nx,y,z")
        XCTAssertEqual(parsed.rows.map(\.fields), [["", "", ""], ["1", "2", ""], ["", "", ""], ["x", "y", "z"]])
        XCTAssertEqual(parsed.rows.last?.line, 5)
        XCTAssertEqual(parsed.rows.last?.rawText, "x,y,z")
        let trailingDelimiter = try parse("h\na,", Self.headerless)
        XCTAssertEqual(trailingDelimiter.rows.map(\.fields), [["h"], ["a", ""]])
    }

    /// Expected values produced by Python's `csv.reader` on the same input.
    func testLenientQuotingMatchesPythonCSV() throws {
        let cases: [(String, [String])] = [
            ("ab\"c\"d,e\n", ["ab\"c\"d", "e"]),
            ("\"ab\"cd,e\n", ["abcd", "e"]),
            (" \"x\",y\n", [" \"x\"", "y"]),
            ("\"a\"\"b\",c\n", ["a\"b", "c"]),
            ("\"a\"b\"c\",d\n", ["ab\"c\"", "d"]),
            ("\"a\"\"\",b\n", ["a\"", "b"]),
            ("\"a\" ,b\n", ["a ", "b"]),
            ("\"\",\n", ["", ""]),
        ]
        for (text, expected) in cases {
            let parsed = try parse(text, Self.headerless)
            XCTAssertEqual(parsed.rows.map(\.fields), [expected], "input \(text.debugDescription)")
        }
    }

    func testHeaderlessAndCustomDelimiters() throws {
        let headerless = try parse("1,2\n3,4\n", Self.headerless)
        XCTAssertNil(headerless.header)
        XCTAssertEqual(headerless.rows.map(\.fields), [["1", "2"], ["3", "4"]])
        XCTAssertEqual(headerless.rows.map(\.line), [1, 2])

        var tab = CSVReaderOptions()
        tab.delimiter = UInt8(ascii: "\t")
        let tsv = try parse("a\tb\n\"x\ty\"\t,z\n", tab)
        XCTAssertEqual(tsv.rows.map(\.fields), [["x\ty", ",z"]])

        var semicolon = CSVReaderOptions(delimiter: UInt8(ascii: ";"), quote: UInt8(ascii: "'"))
        semicolon.hasHeaderRow = false
        let ssv = try parse("a;'b;''c'\n", semicolon)
        XCTAssertEqual(ssv.rows.map(\.fields), [["a", "b;'c"]])
    }

    func testHeaderOnlyFileHasNoRows() throws {
        let path = try write("header.csv", "name,Tc\n")
        let reader = try CSVReader(path: path)
        XCTAssertEqual(reader.header?.fields, ["name", "Tc"])
        XCTAssertNil(try reader.next())
        XCTAssertNil(try reader.next())
        XCTAssertEqual(reader.rowsRead, 0)
    }

    func testBytesConsumedReachesFileSize() throws {
        let text = "a,b\n1,2\n3,4\n"
        let path = try write("progress.csv", text)
        let reader = try CSVReader(path: path)
        XCTAssertEqual(reader.bytesConsumed, 3)
        _ = try reader.readAll()
        XCTAssertEqual(reader.bytesConsumed, text.utf8.count - 1)
        XCTAssertEqual(reader.rowsRead, 2)
    }

    // MARK: - Files that are not CSV

    func testEmptyFiles() throws {
        let cases: [(String, [UInt8])] = [
            ("zero.csv", []),
            ("bom.csv", [0xEF, 0xBB, 0xBF]),
            ("blank.csv", Array("\n\r\n  \n\t\n\r".utf8)),
            ("bomblank.csv", [0xEF, 0xBB, 0xBF, 0x0A, 0x20, 0x0A]),
        ]
        for (name, bytes) in cases {
            let path = try write(name, bytes: bytes)
            for options in [CSVReaderOptions(), Self.headerless] {
                XCTAssertEqual(expectError(path, options), .emptyFile(path: path), name)
            }
        }
        XCTAssertEqual(CSVError.emptyFile(path: "e.csv").description, "e.csv: file is empty (no CSV records)")
    }

    func testMissingFile() throws {
        let path = try temporaryPath("does-not-exist.csv")
        XCTAssertEqual(expectError(path), .fileNotFound(path: path))
        XCTAssertEqual(expectError(path + "/inside.csv"), .fileNotFound(path: path + "/inside.csv"))
        XCTAssertEqual(CSVError.fileNotFound(path: "x.csv").description, "x.csv: file not found")
    }

    func testDirectoryIsNotReadable() throws {
        let path = try temporaryPath("a-directory.csv")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard let error = expectError(path) else { return }
        guard case .notReadable(let errorPath, let reason) = error else {
            return XCTFail("expected notReadable, got \(error)")
        }
        XCTAssertEqual(errorPath, path)
        XCTAssertEqual(reason, "is a directory")
        XCTAssertEqual(error.description, "\(path): cannot read file: is a directory")
    }

    func testBinaryFileWithNULBytes() throws {
        var generator = SplitMix64(seed: 42)
        var bytes = (0..<10_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        bytes[100] = 0
        let path = try write("random.bin", bytes: bytes)
        guard let error = expectError(path) else { return }
        guard case .binaryContent(let errorPath, _, let offset) = error else {
            return XCTFail("expected binaryContent, got \(error)")
        }
        XCTAssertEqual(errorPath, path)
        XCTAssertLessThanOrEqual(offset, 100)

        // A text file with a NUL: the offset and line point at it.
        let text = try write("nul.csv", bytes: Array("a,b\r\n1,2\n3,".utf8) + [0] + Array("4\n".utf8))
        XCTAssertEqual(expectError(text), .binaryContent(path: text, line: 3, byteOffset: 11))
        XCTAssertTrue(CSVError.binaryContent(path: "f.xlsx", line: 1, byteOffset: 2).description
            .hasPrefix("f.xlsx:1: file looks binary"))
    }

    func testBinaryFileWithoutNULBytes() throws {
        var generator = SplitMix64(seed: 7)
        let bytes = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next() % 255 + 1) }
        XCTAssertFalse(bytes.contains(0))
        let path = try write("noise.bin", bytes: bytes)
        guard let error = expectError(path) else { return }
        guard case .binaryContent = error else { return XCTFail("expected binaryContent, got \(error)") }
    }

    func testUTF16FileIsRefusedWithItsEncoding() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + "a,b\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let path = try write("utf16.csv", bytes: utf16)
        XCTAssertEqual(expectError(path), .unsupportedEncoding(path: path, encoding: "UTF-16LE"))
    }

    // MARK: - Encoding repairs

    func testInvalidUTF8IsReplacedAndCounted() throws {
        let bytes = Array("a,b\n".utf8) + [0x78, 0xFF, 0x79, 0x2C, 0xC3] + Array("\nok,\"".utf8) + [0xE2, 0x82]
            + Array("\"\"\"\nclean,row\n".utf8)
        let path = try write("invalid.csv", bytes: bytes)
        let reader = try CSVReader(path: path)
        let rows = try reader.readAll()
        XCTAssertEqual(rows.map(\.fields), [["x\u{FFFD}y", "\u{FFFD}"], ["ok", "\u{FFFD}\""], ["clean", "row"]])
        XCTAssertEqual(rows.map(\.invalidUTF8Repairs), [2, 1, 0])
        XCTAssertEqual(rows[0].rawText, "x\u{FFFD}y,\u{FFFD}")
        XCTAssertEqual(reader.invalidUTF8Repairs, 3)
        XCTAssertEqual(reader.recordsWithInvalidUTF8, 2)
        // Same answers whatever the chunking.
        _ = parseEverywhere(path)
    }

    func testLatin1TextIsReadNotRefused() throws {
        // "Température (°C),Matériau" in ISO-8859-1: legacy text, not binary.
        let latin1: [UInt8] = Array("Temp".utf8) + [0xE9] + Array("rature (".utf8) + [0xB0] + Array("C),Mat".utf8)
            + [0xE9] + Array("riau\n9.2,Nb\n".utf8)
        let parsed = try parse(bytes: latin1)
        XCTAssertEqual(parsed.header?.fields, ["Temp\u{FFFD}rature (\u{FFFD}C)", "Mat\u{FFFD}riau"])
        XCTAssertEqual(parsed.repairs, 3)
        XCTAssertEqual(parsed.rows.map(\.fields), [["9.2", "Nb"]])
    }

    func testMojibakeRepairOnHandWrittenStrings() {
        let repaired: [(String, String)] = [
            ("Â°C", "°C"),
            ("Ã…", "Å"),  // Windows-1252 ellipsis for byte 0x85
            ("Ã\u{85}", "Å"),  // Latin-1 control for byte 0x85
            ("Î¾", "ξ"),
            ("450Â°C under 3.4 GPa", "450°C under 3.4 GPa"),
            ("La (Tl 1â\u{88}\u{92}x Pb x ) 3", "La (Tl 1−x Pb x ) 3"),
            ("Ã\u{201A}Â°C", "°C"),  // mojibake applied twice
            ("(Tl, Cs)1−x and 5 Â°C", "(Tl, Cs)1−x and 5 °C"),  // genuine U+2212 next to a broken run
        ]
        for (input, expected) in repaired {
            let (output, changed) = TextRepair.repairMojibake(input)
            XCTAssertEqual(output, expected, input)
            XCTAssertTrue(changed, input)
        }
        let untouched = ["", "plain ASCII, 9.2 K", "café", "5 °C", "Å", "(Tl, Cs)1−xFe2−ySe2", "ξ = 3 nm", "Ã© café"]
        for input in untouched {
            let (output, changed) = TextRepair.repairMojibake(input)
            XCTAssertEqual(output, input)
            XCTAssertFalse(changed, input)
        }
    }

    func testMojibakeRepairOnRealSuperConOutput() throws {
        let path = try sharedFile("supercon2-samples/output.supercon.csv")
        let reader = try CSVReader(path: path)
        let header = try XCTUnwrap(reader.header)
        let sentenceColumn = try XCTUnwrap(header.fields.firstIndex(of: "Sentence"))
        let rows = try reader.readAll()
        let sentences = rows.compactMap { $0.field(sentenceColumn) }
        XCTAssertEqual(sentences.count, rows.count)

        let first = try XCTUnwrap(sentences.first { $0.contains("Reacting Bi and LaBi") })
        XCTAssertTrue(first.contains("450Â°C"), "fixture should hold the double-decoded degree sign")
        let (fixed, changed) = TextRepair.repairMojibake(first)
        XCTAssertTrue(changed)
        XCTAssertTrue(fixed.contains("at 450°C under"))
        XCTAssertTrue(fixed.contains("coherence length ξ 0"))
        XCTAssertTrue(fixed.contains("139 Å, respectively"))
        XCTAssertFalse(fixed.contains("Â"))
        XCTAssertFalse(fixed.contains("Ã"))

        let formula = try XCTUnwrap(rows.compactMap { $0.field(0) }.first { $0.hasPrefix("La (Tl 1") })
        XCTAssertEqual(TextRepair.repairMojibake(formula).0, "La (Tl 1−x Pb x ) 3")

        // Every field of the sample either is ASCII or repairs to valid text
        // without any Latin-1 mojibake markers left.
        for row in rows {
            for field in row.fields {
                let (fixedField, _) = TextRepair.repairMojibake(field)
                XCTAssertFalse(fixedField.contains("Â°") || fixedField.contains("Î¾"), fixedField)
            }
        }
    }

    func testMojibakeRepairLeavesCorrectTextAlone() throws {
        let path = try sharedFile("supercon2-samples/supercon_corrected.csv")
        let reader = try CSVReader(path: path)
        let rows = try reader.readAll()
        let titles = rows.compactMap { $0.field(17) }.filter { $0.contains("−") }
        XCTAssertEqual(titles.count, 2)
        for title in titles {
            let (output, changed) = TextRepair.repairMojibake(title)
            XCTAssertFalse(changed)
            XCTAssertEqual(output, title)
        }
    }

    // MARK: - Limits and malformed records

    func testRecordTooLongIsRefusedWithItsLine() throws {
        var limited = CSVReaderOptions()
        limited.maxRecordBytes = 32
        let exact = String(repeating: "x", count: 30)
        let long = String(repeating: "y", count: 100)
        let path = try write("long.csv", "a,b\n\(exact),1\n\n\(long),2\n")
        for chunking in Self.chunkings {
            let reader = try CSVReader(path: path, options: options(limited, chunkSize: chunking.chunkSize, capacity: chunking.capacity))
            XCTAssertEqual(try reader.next()?.fields, [exact, "1"])  // exactly 32 bytes is accepted
            XCTAssertThrowsError(try reader.next()) { error in
                XCTAssertEqual(error as? CSVError, .recordTooLong(path: path, line: 4, limit: 32, openQuoteLine: nil))
            }
            // Errors are sticky.
            XCTAssertThrowsError(try reader.next()) { error in
                XCTAssertEqual(error as? CSVError, .recordTooLong(path: path, line: 4, limit: 32, openQuoteLine: nil))
            }
        }
        XCTAssertEqual(
            CSVError.recordTooLong(path: "big.csv", line: 4, limit: 32, openQuoteLine: nil).description,
            "big.csv:4: record is longer than the limit of 32 bytes")
    }

    func testHugeLineIsRefusedWithBoundedMemory() throws {
        // 8 MiB on one line with a 4 KiB limit: the reader must stop early and
        // never buffer more than a small multiple of the limit.
        let huge = Array("name,Tc\nNb,9.2\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 8 << 20) + [0x0A]
        let path = try write("huge.csv", bytes: huge)
        var limited = CSVReaderOptions()
        limited.maxRecordBytes = 4096
        limited.chunkSize = 1024
        limited.initialBufferCapacity = 2048
        let reader = try CSVReader(path: path, options: limited)
        XCTAssertEqual(try reader.next()?.fields, ["Nb", "9.2"])
        XCTAssertThrowsError(try reader.next()) { error in
            XCTAssertEqual(error as? CSVError, .recordTooLong(path: path, line: 3, limit: 4096, openQuoteLine: nil))
        }
        XCTAssertLessThanOrEqual(reader.bufferCapacity, 4 * (4096 + 1024))
        XCTAssertLessThan(reader.bytesConsumed, 64 << 10)
    }

    func testUnclosedQuoteInLargeFileReportsWhereTheQuoteOpened() throws {
        var text = "name,Tc\nNb,9.2\n\"MgB2,39\n"
        for i in 0..<2000 { text += "Row\(i),\(i)\n" }
        let path = try write("unclosed.csv", text)
        var limited = CSVReaderOptions()
        limited.maxRecordBytes = 1024
        let reader = try CSVReader(path: path, options: limited)
        XCTAssertEqual(try reader.next()?.line, 2)
        XCTAssertThrowsError(try reader.next()) { error in
            guard let csvError = error as? CSVError else { return XCTFail("\(error)") }
            XCTAssertEqual(csvError, .recordTooLong(path: path, line: 3, limit: 1024, openQuoteLine: 3))
            XCTAssertTrue(csvError.description.contains("quoted field opened on line 3"), csvError.description)
        }
    }

    func testUnterminatedQuote() throws {
        let path = try write("stanev.csv", "name,Tc\nNb,9.2\n\"MgB2,39\nV3Si,17\n")
        let error = expectError(path)
        XCTAssertEqual(error, .unterminatedQuote(path: path, line: 3, quoteLine: 3))
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(
            CSVError.unterminatedQuote(path: "stanev.csv", line: 12, quoteLine: 12).description,
            "stanev.csv:12: unterminated quoted field (started on line 12)")

        // The quote opens on a later line of a multi-line record.
        let later = try write("later.csv", "h\n1,\"two\nlines\",\"open\nand never closed")
        XCTAssertEqual(expectError(later), .unterminatedQuote(path: later, line: 2, quoteLine: 3))
        // In the header: thrown from init.
        let inHeader = try write("header.csv", "\"name,Tc\n")
        XCTAssertEqual(expectError(inHeader), .unterminatedQuote(path: inHeader, line: 1, quoteLine: 1))
    }

    func testInvalidOptions() throws {
        let path = try write("ok.csv", "a\n")
        var options = CSVReaderOptions()
        options.delimiter = options.quote
        guard case .invalidOptions = expectError(path, options) else { return XCTFail("expected invalidOptions") }
        options = CSVReaderOptions()
        options.maxRecordBytes = 0
        guard case .invalidOptions = expectError(path, options) else { return XCTFail("expected invalidOptions") }
        options = CSVReaderOptions()
        options.chunkSize = Int.max
        guard case .invalidOptions = expectError(path, options) else { return XCTFail("expected invalidOptions") }
        options = CSVReaderOptions()
        options.delimiter = UInt8(ascii: "\n")
        guard case .invalidOptions = expectError(path, options) else { return XCTFail("expected invalidOptions") }
    }

    // MARK: - Randomised checks

    /// Random byte soup over the characters that matter to the grammar, parsed
    /// under every chunking and compared with a straightforward reference parser.
    func testRandomInputsMatchReferenceParser() throws {
        var generator = SplitMix64(seed: 2024)
        let alphabet: [[UInt8]] = [
            [0x61], [0x62], [0x2C], [0x2C], [0x22], [0x22], [0x0D], [0x0A], [0x0A], [0x20], [0x09],
            [0xC3, 0xA9], [0xCE, 0xBE], [0x0D, 0x0A],
        ]
        for iteration in 0..<600 {
            let bom: [UInt8] = generator.next() % 5 == 0 ? [0xEF, 0xBB, 0xBF] : []
            var bytes = bom
            let length = Int(generator.next() % 40)
            for _ in 0..<length {
                bytes += alphabet[Int(generator.next() % UInt64(alphabet.count))]
            }
            if generator.next() % 4 == 0 {  // one stray invalid byte after the BOM, replaced on read
                let offset = bom.count + Int(generator.next() % UInt64(bytes.count - bom.count + 1))
                bytes.insert(0xFF, at: offset)
            }
            let path = try write("fuzz-\(iteration).csv", bytes: bytes)
            let actual = parseEverywhere(path, Self.headerless)
            let expected: Outcome
            switch ReferenceCSV.parse(bytes) {
            case .failure(let failure):
                expected = .failed(.unterminatedQuote(path: path, line: failure.line, quoteLine: failure.quoteLine))
            case .success(let rows) where rows.isEmpty:
                expected = .failed(.emptyFile(path: path))
            case .success(let rows):
                let repairs = rows.reduce(0) { $0 + $1.invalidUTF8Repairs }
                expected = .parsed(Parsed(header: nil, rows: rows, repairs: repairs))
            }
            XCTAssertEqual(actual, expected, "input \(bytes)")
        }
    }

    /// Random tables written with RFC 4180 quoting read back exactly.
    func testRandomTablesRoundTrip() throws {
        var generator = SplitMix64(seed: 99)
        let pieces = ["a", "Nb3Sn", " ", ",", "\"", "\n", "\r\n", "\r", "é", "ξ", "−", "°C", "\"\"", "0.5"]
        for iteration in 0..<200 {
            let terminator = ["\n", "\r\n", "\r"][Int(generator.next() % 3)]
            let columns = 2 + Int(generator.next() % 4)
            var table: [[String]] = []
            for _ in 0..<(1 + Int(generator.next() % 12)) {
                var row: [String] = []
                for _ in 0..<columns {
                    var field = ""
                    for _ in 0..<Int(generator.next() % 5) {
                        field += pieces[Int(generator.next() % UInt64(pieces.count))]
                    }
                    row.append(field)
                }
                table.append(row)
            }
            var text = ""
            var lines: [Int] = []
            var line = 1
            for row in table {
                lines.append(line)
                let record = row.map { field -> String in
                    let special = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
                    return special ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }.joined(separator: ",")
                text += record + terminator
                line += ReferenceCSV.lineBreaks(in: Array(record.utf8)) + 1
            }
            let parsed = try parse(text, Self.headerless)
            XCTAssertEqual(parsed.rows.map(\.fields), table, "iteration \(iteration)")
            XCTAssertEqual(parsed.rows.map(\.line), lines, "iteration \(iteration)")
        }
    }

    // MARK: - Real files (counts verified independently with Python's csv module)

    func testStanev2018() throws {
        let path = try sharedFile("stanev-2018.csv")
        let reader = try CSVReader(path: path)
        XCTAssertEqual(reader.header?.fields, ["name", "Tc"])
        var count = 0
        var first: CSVRow?
        var last: CSVRow?
        while let row = try reader.next() {
            XCTAssertEqual(row.fields.count, 2, "line \(row.line)")
            if first == nil { first = row }
            last = row
            count += 1
        }
        XCTAssertEqual(count, 16_414)
        XCTAssertEqual(first?.fields, ["Ba0.4K0.6Fe2As2", "31.2"])
        XCTAssertEqual(first?.line, 2)
        XCTAssertEqual(last?.line, 16_415)
        XCTAssertEqual(reader.invalidUTF8Repairs, 0)
        XCTAssertEqual(reader.bytesConsumed, 357_918 - 2)  // everything but the final CRLF
    }

    func testStanev2018WithTinyReadsAndBuffer() throws {
        let path = try sharedFile("stanev-2018.csv")
        let normal = outcome(path, CSVReaderOptions())
        let tiny = outcome(path, options(chunkSize: 7, capacity: 64))
        XCTAssertEqual(tiny, normal)
        guard case .parsed(let parsed) = tiny else { return XCTFail("could not read \(path)") }
        XCTAssertEqual(parsed.rows.count, 16_414)
        let reader = try CSVReader(path: path, options: options(chunkSize: 7, capacity: 64))
        _ = try reader.readAll()
        XCTAssertEqual(reader.bytesConsumed, 357_918 - 2)
    }

    func testSuperconCorrectedWithBOMAndQuotedFields() throws {
        let path = try sharedFile("supercon2-samples/supercon_corrected.csv")
        guard case .parsed(let parsed) = parseEverywhere(path) else { return XCTFail("could not read \(path)") }
        let header = try XCTUnwrap(parsed.header)
        XCTAssertEqual(header.fields.count, 25)
        XCTAssertEqual(header.fields.first, "Status")
        XCTAssertEqual(header.fields.last, "Noticed things (CSakai)")
        XCTAssertEqual(parsed.rows.count, 9)
        XCTAssertEqual(parsed.rows.map(\.fields.count), Array(repeating: 25, count: 9))
        XCTAssertEqual(parsed.rows.map(\.line), Array(2...10))
        XCTAssertEqual(parsed.rows[0].fields[11], "Pnictides, Iron-pnictides")
        XCTAssertEqual(parsed.rows[1].fields[1], "Ba(Fe,Co) 2 As 2")
        XCTAssertEqual(parsed.repairs, 0)
    }

    func testSuperconOutputSamples() throws {
        for name in ["output.supercon.csv", "sust_29_3_03LT02.csv"] {
            let path = try sharedFile("supercon2-samples/" + name)
            var options = CSVReaderOptions()
            options.hasHeaderRow = name == "output.supercon.csv"
            guard case .parsed(let parsed) = parseEverywhere(path, options) else { return XCTFail("could not read \(path)") }
            let expectedRows = name == "output.supercon.csv" ? 13 : 16
            XCTAssertEqual(parsed.rows.count, expectedRows, name)
            XCTAssertTrue(parsed.rows.allSatisfy { $0.fields.count == 16 }, name)
            XCTAssertEqual(parsed.repairs, 0, name)
        }
    }
}

// MARK: - Test helpers

/// Deterministic pseudo-random numbers (SplitMix64).
private struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A deliberately simple, whole-buffer implementation of the reader's dialect,
/// written independently of the streaming state machine to cross-check it.
private enum ReferenceCSV {
    struct Unterminated: Error {
        let line: Int
        let quoteLine: Int
    }

    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    static func lineBreaks(in bytes: [UInt8]) -> Int {
        var count = 0
        for (i, byte) in bytes.enumerated() {
            if byte == lf { count += 1 }
            if byte == cr && (i + 1 == bytes.count || bytes[i + 1] != lf) { count += 1 }
        }
        return count
    }

    static func parse(_ input: [UInt8]) -> Result<[CSVRow], Unterminated> {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let n = bytes.count
        var rows: [CSVRow] = []
        var i = 0
        var line = 1
        while i < n {
            if bytes[i] == lf {
                line += 1
                i += 1
                continue
            }
            if bytes[i] == cr {
                line += 1
                i += (i + 1 < n && bytes[i + 1] == lf) ? 2 : 1
                continue
            }
            let startLine = line
            let start = i
            var fields: [[UInt8]] = []
            var current: [UInt8] = []
            var mode = 0  // 0 field start, 1 unquoted, 2 quoted, 3 quote seen inside quoted
            var quoteLine = 0
            var sawQuote = false
            var terminated = false
            while i < n && !terminated {
                let c = bytes[i]
                switch mode {
                case 0:
                    if c == quote {
                        mode = 2; quoteLine = line; sawQuote = true; i += 1
                    } else if c == comma {
                        fields.append(current); current = []; i += 1
                    } else if c == cr || c == lf {
                        terminated = true
                    } else {
                        mode = 1
                    }
                case 1:
                    if c == comma {
                        fields.append(current); current = []; mode = 0; i += 1
                    } else if c == cr || c == lf {
                        terminated = true
                    } else {
                        current.append(c); i += 1
                    }
                case 2:
                    if c == quote {
                        mode = 3
                    } else {
                        current.append(c)
                        if c == lf || (c == cr && !(i + 1 < n && bytes[i + 1] == lf)) { line += 1 }
                    }
                    i += 1
                default:
                    if c == quote {
                        current.append(quote); mode = 2; i += 1
                    } else if c == comma {
                        fields.append(current); current = []; mode = 0; i += 1
                    } else if c == cr || c == lf {
                        terminated = true
                    } else {
                        current.append(c); mode = 1; i += 1
                    }
                }
            }
            if !terminated && mode == 2 {
                return .failure(Unterminated(line: startLine, quoteLine: quoteLine))
            }
            fields.append(current)
            let raw = Array(bytes[start..<i])
            if terminated {
                i += (bytes[i] == cr && i + 1 < n && bytes[i + 1] == lf) ? 2 : 1
                line += 1
            }
            let blank = fields.count == 1 && !sawQuote && fields[0].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if blank { continue }
            let rawText = String(decoding: raw, as: UTF8.self)
            let repairs = rawText.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
            rows.append(CSVRow(
                fields: fields.map { String(decoding: $0, as: UTF8.self) },
                line: startLine,
                rawText: rawText,
                invalidUTF8Repairs: repairs,
                rawBytes: repairs > 0 ? Array(raw) : nil))
        }
        return .success(rows)
    }
}
