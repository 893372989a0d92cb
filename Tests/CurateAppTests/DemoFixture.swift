import CurateApp
import Foundation
import XCTest

/// One demo run shared by the tests that read what it made (run once per test process, in a
/// temporary folder).
enum DemoFixture {
    /// The demo's parent folder.
    static let parent = FileManager.default.temporaryDirectory.appendingPathComponent("curate-demo-test-\(UUID().uuidString)")

    /// The request every demo test uses.
    static var request: DemoWorkflow.Request {
        var request = DemoWorkflow.Request()
        request.dataDirectory = SharedData.root.path
        request.specsDirectory = Repository.path("datasets")
        request.outDirectory = parent.appendingPathComponent("demo").path
        return request
    }

    private static let outcome: Result<DemoSummary, Error> = Result { try DemoWorkflow.run(request) }

    /// The summary of the shared run (failing the test when it failed).
    static func summary() throws -> DemoSummary {
        XCTAssertTrue(FileManager.default.fileExists(atPath: SharedData.root.path), "these tests need ../shared/data beside the repository")
        return try outcome.get()
    }

    /// A copy of the demo store, for tests that change it.
    static func storeCopy(in directory: TemporaryDirectory) throws -> String {
        let copy = directory.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: try summary().store, toPath: copy)
        return copy
    }
}
