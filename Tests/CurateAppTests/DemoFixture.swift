import CurateApp
import Foundation
import XCTest

/// One demo run shared by the tests that read what it made (run once per test process, in a
/// temporary folder). The full demo takes minutes in a debug build, so the tests give it a data
/// folder laid out like ../shared/data whose files are small real ones: SuperCon 2 samples for
/// Stanev, the MDR duplicates extract for MDR, and 40 text-mined sol-gel reactions (2020 schema)
/// for the 2019 synthesis release. The full data is timed with the release build instead.
enum DemoFixture {
    /// The small files standing in for each demo input (paths inside ../shared/data).
    static let smallInputs = [
        "supercon/stanev-2018.csv": "supercon/supercon2-samples/output.supercon.csv",
        "supercon/mdr-2024/mdr.csv": "supercon/mdr-2024/mdr_duplicated.csv",
        "synthesis/solid-state_dataset_2019-12-03.json.xz": "synthesis/sol-gel-2020-schema-sample-40.json",
    ]

    /// A data folder with the demo's layout, its files linked to `smallInputs`.
    static let smallData: String = {
        let root = parent.appendingPathComponent("data")
        for (name, target) in smallInputs {
            let link = root.appendingPathComponent(name)
            try? FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: SharedData.root.appendingPathComponent(target).path)
        }
        return root.path
    }()

    /// The demo's parent folder.
    static let parent = FileManager.default.temporaryDirectory.appendingPathComponent("curate-demo-test-\(UUID().uuidString)")

    /// The request every demo test uses.
    static var request: DemoWorkflow.Request {
        var request = DemoWorkflow.Request()
        request.dataDirectory = smallData
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
