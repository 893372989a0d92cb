import Foundation
import XCTest

/// `../shared/data` beside the repository, for the curation tests.
enum CurationTestData {
    static let sharedData = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    /// `relative` under `shared/data`; fails the test loudly when missing.
    static func shared(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = sharedData.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            XCTFail("missing test data \(url.path): these tests need ../shared/data beside the repository", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }
}
