import Foundation
import XCTest

/// Paths to the shared data beside the repository (`../shared/data`), from this file's location.
enum TestData {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let cif = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/cif")

    /// The file at `relative` under `shared/data/cif`; fails the test loudly if it is missing.
    static func cifFile(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = cif.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            XCTFail("missing test data \(url.path)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    /// The `.cif` files of a folder under `shared/data/cif`, sorted; fails loudly if none.
    static func cifFiles(in folder: String, file: StaticString = #filePath, line: UInt = #line) throws -> [URL] {
        let directory = cif.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let files = names.filter { $0.hasSuffix(".cif") }.sorted().map { directory.appendingPathComponent($0) }
        guard !files.isEmpty else {
            XCTFail("no CIF files in \(directory.path)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return files
    }
}
