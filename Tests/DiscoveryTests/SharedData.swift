import Foundation
import XCTest

/// Locates `../shared/data` beside the repository. Tests that need it fail loudly when it is
/// missing: they never skip.
enum SharedData {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/data")

    /// Absolute path of `relative` under `shared/data`, failing the test if it does not exist.
    static func path(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let url = root.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            XCTFail("missing shared data \(url.path): these tests need ../shared/data beside the repository", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return url.path
    }
}
