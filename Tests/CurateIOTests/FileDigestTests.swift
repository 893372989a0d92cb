import CurateIO
import Foundation
import XCTest

/// File digests (libcrypto SHA-256 over chunked reads) and the hasher's value semantics.
final class FileDigestTests: XCTestCase {
    private func temporaryFile(_ data: Data) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("curate-digest-\(UUID().uuidString)")
        try data.write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    func testDigestOfAFileSpanningManyReadChunks() throws {
        // 1,000,000 × "a" is a FIPS 180-2 test vector and spans 16 reads of 64 KiB.
        let path = try temporaryFile(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
        let digest = try FileDigest.compute(path: path)
        XCTAssertEqual(digest.sha256, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        XCTAssertEqual(digest.size, 1_000_000)
        XCTAssertEqual(digest.path, path)
    }

    func testEmptyFileAndMissingFile() throws {
        let empty = try FileDigest.compute(path: try temporaryFile(Data()))
        XCTAssertEqual(empty.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(empty.size, 0)
        let missing = "/nonexistent/curate-\(UUID().uuidString).csv"
        XCTAssertThrowsError(try FileDigest.compute(path: missing)) { error in
            XCTAssertEqual((error as? FileDigest.ReadError)?.path, missing)
            XCTAssertTrue("\(error)".hasPrefix("\(missing): cannot read: "), "\(error)")
        }
    }

    func testACopiedHasherContinuesIndependently() {
        var first = SHA256Hasher()
        first.update("abc")
        var second = first
        second.update("dbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        XCTAssertEqual(first.finalizeHex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(second.finalizeHex(), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var empty = SHA256Hasher()
        XCTAssertEqual(empty.finalize().count, 32)
    }
}
