import Foundation
import XCTest

/// The repository, `../shared/data` beside it, and temporary folders. Tests that need the
/// shared data fail loudly when it is missing: they never skip.
enum TestPaths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sharedData = repository.deletingLastPathComponent().appendingPathComponent("shared/data")

    /// Absolute path of `relative` under `shared/data`, failing the test if it does not exist.
    static func shared(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try existing(sharedData.appendingPathComponent(relative).path, file: file, line: line)
    }

    /// Absolute path of `relative` in the repository, failing the test if it does not exist.
    static func inRepository(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try existing(repository.appendingPathComponent(relative).path, file: file, line: line)
    }

    /// Paths of the committed dataset specs (`datasets/*.dataset.json`), sorted.
    static func committedSpecs(file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let folder = try inRepository("datasets", file: file, line: line)
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".dataset.json") }.sorted()
            .map { folder + "/" + $0 }
    }

    private static func existing(_ path: String, file: StaticString, line: UInt) throws -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            XCTFail("missing \(path): these tests need it (../shared/data beside the repository)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return path
    }
}

/// A fresh temporary folder, removed when released.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("curate-app-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` in the folder and returns its path.
    func write(_ name: String, _ text: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// A path in the folder that does not exist yet.
    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
}
