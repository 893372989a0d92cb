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

/// A fresh temporary directory, removed at the end of the test.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("curate-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `contents` to a file named `name` and returns its path.
    func write(_ name: String, _ contents: String) throws -> String {
        try write(name, Data(contents.utf8))
    }

    /// Writes raw bytes.
    func write(_ name: String, _ data: Data) throws -> String {
        let path = url.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Counts data rows of a simple CSV independently of the project's reader: physical lines
/// minus the header, for files without quoted newlines.
func countDataLines(_ path: String) throws -> Int {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    // Split on LF bytes: in Swift "\r\n" is one Character, so splitting a String on "\n" misses CRLF lines.
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
    return lines.filter { !($0.count == 1 && $0.first == UInt8(ascii: "\r")) }.count - 1
}

/// The repository's own folders (datasets/ specs).
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Absolute path of `relative` inside the repository.
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
