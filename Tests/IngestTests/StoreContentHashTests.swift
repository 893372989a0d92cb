import Foundation
import Ingest
import Store
import XCTest

/// The store content hash of a real ingest is pinned: changing the SHA-256 implementation (or the
/// dump) must not change it. The value is the `store.content_sha256` that the supercon-tc 1.0.0
/// release manifest recorded with the hand-written hasher before libcrypto replaced it.
final class StoreContentHashTests: XCTestCase {
    func testSuperConStoreHashIsTheOneReleasesRecorded() throws {
        let store = try CurateStore.inMemory()
        for (file, name) in [("supercon/stanev-2018.csv", "stanev-2018"), ("supercon/mdr-2024/mdr.csv", "mdr")] {
            _ = try SuperConIngester.ingest(path: try SharedData.path(file), into: store, options: IngestOptions(sourceName: name))
        }
        XCTAssertEqual(try store.contentHash(), "8f49fda1a94dc7d7e56c40526a10ff24ecd1162231e78a431b3d3d9701364103")
    }
}
