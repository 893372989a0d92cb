import Chemistry
import Foundation
import Store
import XCTest
@testable import Ingest

/// Issue 17 item 6: raw records keep the original bytes, so a SuperCon file with a Latin-1
/// byte or a broken UTF-8 sequence can be written back byte for byte from the store.
final class RawBytesTests: XCTestCase {
    /// Ingests `bytes` as a SuperCon CSV and rebuilds the file from the header and the run's
    /// raw records.
    private func roundTrip(_ bytes: [UInt8]) throws -> (rebuilt: [UInt8], store: CurateStore, runId: Int) {
        let directory = try TemporaryDirectory()
        let path = try directory.write("latin.csv", Data(bytes))
        let store = try CurateStore.inMemory()
        let report = try SuperConIngester.ingest(path: path, into: store)
        let runId = try XCTUnwrap(report.runId)
        let header = Array("name,Tc,note\n".utf8)
        var rebuilt = header
        for record in try store.rawRecordBytes(runId: runId) {
            rebuilt += record.bytes + [0x0A]
        }
        return (rebuilt, store, runId)
    }

    func testLatin1BytesAreKeptExactly() throws {
        var file = Array("name,Tc,note\nMgB2,39,".utf8)
        file += [0x4D, 0xFC, 0x6E, 0x63, 0x68, 0x65, 0x6E]  // "München" in Latin-1: ü is 0xFC
        file += Array("\nNb3Sn,18,plain\n".utf8)
        let (rebuilt, store, _) = try roundTrip(file)
        XCTAssertEqual(rebuilt, file)
        // The text column still shows the repaired text, so queries and the CLI read it.
        let entries = try store.observations(canonicalKey: try Composition(formula: "MgB2").canonicalKey())
        XCTAssertEqual(entries.count, 1)
    }

    func testBrokenUTF8IsKeptExactly() throws {
        var file = Array("name,Tc,note\nMgB2,39,".utf8)
        file += [0xE2, 0x82]  // a truncated three-byte sequence
        file += Array("x\nNb,9,".utf8)
        file += [0xC3, 0x28, 0xFF]  // an invalid continuation and a byte never valid in UTF-8
        file += Array("\n".utf8)
        let (rebuilt, _, _) = try roundTrip(file)
        XCTAssertEqual(rebuilt, file)
    }

    func testValidUTF8KeepsNoSecondCopyAndTheContentHashIsUnchanged() throws {
        let file = Array("name,Tc,note\nMgB2,39,Zürich\n".utf8)
        let (rebuilt, store, _) = try roundTrip(file)
        XCTAssertEqual(rebuilt, file)
        XCTAssertEqual(try store.rawRecordsWithKeptBytes(), 0)
    }
}

private extension CurateStore {
    func rawRecordsWithKeptBytes() throws -> Int {
        try runs().reduce(0) { count, run in
            count + (try rawRecordBytes(runId: run.id).filter { String(bytes: $0.bytes, encoding: .utf8) == nil }.count)
        }
    }
}
