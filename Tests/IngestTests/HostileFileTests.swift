import Foundation
import Store
import XCTest
@testable import Ingest

/// Issue 17 item 6: hostile input files fail at once, with a clear error and no run.
final class HostileFileTests: XCTestCase {
    private func assertRefused(_ path: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let store = try CurateStore.inMemory()
        let started = Date()
        XCTAssertThrowsError(try CIFIngester.ingest(path: path, into: store), file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains(expected), "\(error)", file: file, line: line)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 5, "refused at once", file: file, line: line)
        XCTAssertEqual(try store.runs().count, 0, "no run is added", file: file, line: line)
    }

    func testEmptyAndGarbageCIFFilesFailWithoutARun() throws {
        let directory = try TemporaryDirectory()
        try assertRefused(try directory.write("empty.cif", ""), "the file is empty")
        try assertRefused(try directory.write("blank.cif", "  \n\n"), "only whitespace")
        try assertRefused(try directory.write("garbage.cif", "hello, this is not a CIF\n"), "not a CIF file")
        var random = SystemRandomNumberGenerator()
        try assertRefused(try directory.write("binary.cif", Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) })),
                          "not a CIF file")
    }

    func testFIFOAndDevicesAreRefusedAtOnce() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path("pipe.cif")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        try assertRefused(fifo, "not a regular file (a FIFO or pipe)")
        try assertRefused("/dev/zero", "not a regular file (a character device)")
        let store = try CurateStore.inMemory()
        XCTAssertThrowsError(try SuperConIngester.ingest(path: fifo, into: store)) { error in
            XCTAssertTrue("\(error)".contains("not a regular file"), "\(error)")
        }
        XCTAssertThrowsError(try SynthesisIngester.ingest(path: "/dev/zero", into: store)) { error in
            XCTAssertTrue("\(error)".contains("not a regular file"), "\(error)")
        }
        XCTAssertThrowsError(try WBMIngester.ingest(path: fifo, into: store)) { error in
            XCTAssertTrue("\(error)".contains("not a regular file"), "\(error)")
        }
    }

    func testAGarbageFileInAFolderIsQuarantinedAndTheRestIngested() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("a-empty.cif", "")
        _ = try directory.write("b-garbage.cif", "not a cif\n")
        let store = try CurateStore.inMemory()
        let report = try CIFIngester.ingest(path: directory.url.path, into: store)
        XCTAssertEqual(report.read, 2)
        XCTAssertEqual(report.quarantined, 2)
    }
}

/// Issue 17 item 6: a JSON document nested 100,000 deep gets a precise error, not "not valid JSON".
final class JSONNestingTests: XCTestCase {
    func testDeeplyNestedJSONIsRefusedAsTooDeep() throws {
        let directory = try TemporaryDirectory()
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let whole = try directory.write("deep.json", deep)
        let inRecord = try directory.write("deep-record.json", #"[{"a":"# + deep + "}]")
        let store = try CurateStore.inMemory()
        for path in [whole, inRecord] {
            let ingests: [(String, () throws -> IngestReport)] = [
                ("mp", { try MaterialsProjectJSONIngester.ingest(path: path, into: store) }),
                ("optimade", { try OptimadeIngester.ingest(path: path, into: store) }),
                ("synthesis", { try SynthesisIngester.ingest(path: path, into: store) }),
            ]
            for (name, ingest) in ingests {
                XCTAssertThrowsError(try ingest(), name) { error in
                    XCTAssertTrue("\(error)".contains("nesting too deep: more than 512 levels"), "\(name): \(error)")
                }
            }
        }
        XCTAssertEqual(try store.runs().count, 0)
    }
}

/// Issue 17 item 4: huge or absurd CIFs are quarantined with a reason, in bounded time.
final class CIFLimitIngestTests: XCTestCase {
    private static let cellHeader = """
        data_x
        _cell_length_b 5
        _cell_length_c 5
        _cell_angle_alpha 90
        _cell_angle_beta 90
        _cell_angle_gamma 90
        loop_
        _atom_site_label
        _atom_site_type_symbol
        _atom_site_fract_x
        _atom_site_fract_y
        _atom_site_fract_z

        """

    func testAbsurdCellAndHugeCIFAreQuarantined() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write("absurd.cif", Self.cellHeader.replacingOccurrences(of: "data_x\n", with: "data_absurd\n_cell_length_a 1e30\n")
                                + "Fe1 Fe 0 0 0\n")
        var big = Self.cellHeader.replacingOccurrences(of: "data_x\n", with: "data_big\n_cell_length_a 500\n")
        for index in 0..<6_000 { big += "Fe\(index) Fe \(Double(index % 80) / 80) \(Double(index / 80) / 80) 0\n" }
        _ = try directory.write("huge.cif", big)
        let store = try CurateStore.inMemory()
        let started = Date()
        let report = try CIFIngester.ingest(path: directory.url.path, into: store)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "refused before symmetry")
        XCTAssertEqual(report.quarantineByReason, ["cif.cell-out-of-range": 1, "cif.too-many-atoms": 1])
        XCTAssertEqual(report.stored, 0)
    }
}
