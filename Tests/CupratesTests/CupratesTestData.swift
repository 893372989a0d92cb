import Crystal
import Foundation
import XCTest

/// Paths to the shared data beside the repository (`../shared/data`) and this target's fixtures.
enum CupratesTestData {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedData = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The file at `relative` under `shared/data`; fails the test loudly if it is missing.
    static func shared(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = sharedData.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            XCTFail("missing test data \(url.path)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    /// The structure of the CIF at `relative` under `shared/data/cif`.
    static func structure(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> Structure {
        let url = try shared("cif/" + relative, file: file, line: line)
        return try CIFReader.readStructure(bytes: [UInt8](Data(contentsOf: url)), file: url.path).structure
    }
}
