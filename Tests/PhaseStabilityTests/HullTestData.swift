import Crystal
import CurateIO
import Foundation
import XCTest

/// Shared data for the hull tests: `../shared/data` beside the repository and local fixtures.
enum HullTestData {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedData = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// `relative` under `shared/data`; fails the test loudly when missing.
    static func shared(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        let url = sharedData.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            XCTFail("missing test data \(url.path)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    /// The 375 Li-Fe-O entries, read through the gzip reader and the pymatgen entry reader.
    static func liFeOEntries() throws -> [ComputedEntry] {
        let data = try GzipReader(url: try shared("mp/emmet/Li-Fe-O.json.gz")).readAll()
        return try PymatgenEntryReader.entries(json: data).map(\.entry)
    }
}
