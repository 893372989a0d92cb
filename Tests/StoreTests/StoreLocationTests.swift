import XCTest
@testable import Store

final class StoreLocationTests: XCTestCase {
    func testExplicitPathWinsOverEnvironmentWhichWinsOverDefault() {
        let env = ["CURATE_STORE": "/env/store.sqlite"]
        XCTAssertEqual(StoreLocation.resolve(explicit: "/flag.sqlite", environment: env), "/flag.sqlite")
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: env), "/env/store.sqlite")
        XCTAssertEqual(StoreLocation.resolve(explicit: nil, environment: [:]), "./curate.sqlite")
    }

    func testEmptyValuesCountAsAbsent() {
        XCTAssertEqual(StoreLocation.resolve(explicit: "", environment: ["CURATE_STORE": "  "]), "./curate.sqlite")
        XCTAssertEqual(StoreLocation.resolve(explicit: " ", environment: ["CURATE_STORE": "e.sqlite"]), "e.sqlite")
    }
}
