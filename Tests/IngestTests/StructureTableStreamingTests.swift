import Foundation
import Store
import XCTest
@testable import Ingest

/// The structure benchmark CSV streams from disk in batches: the comment-line prefix is found
/// whatever the chunking, batches cover every row once in order, and the store gets exactly
/// the records the whole-table reading gives.
final class StructureTableStreamingTests: XCTestCase {
    private func stripped(_ bytes: [UInt8], chunk: Int) -> (body: [UInt8], comments: [String]) {
        var prefix = LeadingCommentLines()
        var body: [UInt8] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            body += prefix.feed(Array(bytes[start..<end]))
            start = end
        }
        body += prefix.finish()
        return (body, prefix.comments)
    }

    func testCommentLinesAreFoundWhateverTheChunking() {
        let cases: [(input: String, body: String, comments: [String])] = [
            ("\u{FEFF}# ref: one\n#  two \nx,y\n1,2\n", "x,y\n1,2\n", ["# ref: one", "#  two"]),
            ("x,y\n# not a comment\n", "x,y\n# not a comment\n", []),
            ("# only a comment", "", ["# only a comment"]),
            ("\u{FEFF}x\n", "x\n", []),
            ("", "", []),
            ("\u{FEFF}", "", []),
            ("#a\n#b\n", "", ["#a", "#b"]),
        ]
        for (input, body, comments) in cases {
            for chunk in [1, 2, 3, 5, 1 << 16] {
                let result = stripped(Array(input.utf8), chunk: chunk)
                XCTAssertEqual(String(decoding: result.body, as: UTF8.self), body, "\(input.debugDescription) in chunks of \(chunk)")
                XCTAssertEqual(result.comments, comments, "\(input.debugDescription) in chunks of \(chunk)")
            }
        }
    }

    func testBatchesCoverEveryRowInOrder() throws {
        let path = try SharedData.path("polymorphs/perov_5_test.csv.xz")
        let csv = try BenchmarkCSV(path: path, compression: .xz, limits: .standard, maxRecordBytes: 1 << 20)
        XCTAssertEqual(csv.rowCount, 3785)
        XCTAssertEqual(csv.header, ["", "material_id", "cif", "formula", "heat_all", "heat_ref", "dir_gap", "ind_gap"])
        XCTAssertEqual(csv.numericColumns, [0, 1, 4, 5, 6, 7], "the unnamed index and material_id hold numbers too")
        var numbers: [Int] = []
        var sizes: [Int] = []
        try csv.forEachBatch(size: 1000) { rows in
            sizes.append(rows.count)
            numbers += rows.map(\.number)
        }
        XCTAssertEqual(sizes, [1000, 1000, 1000, 785])
        XCTAssertEqual(numbers, Array(1...3785))
        let whole = try csv.table()
        XCTAssertEqual(whole.rows.count, 3785)
        XCTAssertEqual(whole.rows.last?.locator, "row 3785")
    }

    func testStreamedIngestStoresWhatTheWholeTableGives() throws {
        let path = try SharedData.path("polymorphs/perov_5_test.csv.xz")
        let (_, prepared) = try StructureTableIngester.prepare(path: path)
        let store = try CurateStore.inMemory()
        let report = try StructureTableIngester(jobs: 2).ingest(path: path, into: store)
        XCTAssertGreaterThan(3785, StructureTableIngester.batchSize, "the file spans more than one batch")
        XCTAssertEqual(report.read, 3785 * 4, "one record per value column")
        XCTAssertEqual(report.read, prepared.count)
        XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined)
        let stored = try store.curationInputs(property: "heat_ref", sources: [])
        let expected = prepared.filter { $0.observation?.property == "heat_ref" }
        XCTAssertEqual(stored.map(\.locator), expected.map(\.locator), "same records, in file order")
        XCTAssertEqual(stored.map(\.canonicalKey), expected.compactMap { $0.observation?.material.canonicalKey })
        XCTAssertEqual(stored.map(\.value), expected.compactMap { $0.observation?.value })
        XCTAssertEqual(stored.map(\.metadataJSON), expected.compactMap { $0.observation?.metadataJSON })
    }
}
