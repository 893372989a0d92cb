import XCTest
@testable import CurateApp

final class CurateAppTests: XCTestCase {
    func testNamespaceExists() {
        XCTAssertEqual(String(describing: CurateApp.self), "CurateApp")
    }
}
