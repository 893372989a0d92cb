import CurateIO
import XCTest

final class SHA256HasherTests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(SHA256Hasher.hex(of: ""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256Hasher.hex(of: "abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256Hasher.hex(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256Hasher.hex(of: String(repeating: "a", count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testChunkedUpdatesMatchOneShotAtEveryPaddingBoundary() {
        for length in [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 200] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
            var oneShot = SHA256Hasher()
            oneShot.update(bytes)
            var chunked = SHA256Hasher()
            var index = 0
            var step = 1
            while index < bytes.count {
                let end = min(bytes.count, index + step)
                chunked.update(Array(bytes[index..<end]))
                index = end
                step = step % 13 + 2
            }
            XCTAssertEqual(chunked.finalizeHex(), oneShot.finalizeHex(), "length \(length)")
        }
    }
}
