import CurateApp
import Datasets
import Foundation
import XCTest

/// Release, verify and diff on a small real SuperCon file with the starter curation spec.
final class ReleaseWorkflowTests: XCTestCase {
    private func spec(in directory: TemporaryDirectory, seed: Int) throws -> String {
        let source = try SharedData.path("supercon/mdr-2024/mdr_duplicated.csv")
        let curation = Repository.path("datasets/supercon-tc.curation.json")
        return try directory.write("small.dataset.json", """
            {"name": "small-tc", "description": "test", "sources": [{"kind": "supercon", "path": "\(source)", "name": "mdr"}],
             "curation": "\(curation)", "target": {"property": "tc", "unit": "K", "censored": {"not_superconducting": 0}},
             "representation": "composition",
             "split": {"strategy": "grouped", "group_by": "composition", "fractions": {"train": 0.8, "validation": 0.1, "test": 0.1}},
             "seed": \(seed)}
            """)
    }

    func testReleaseWritesTheManifestItSummarisesAndVerifies() throws {
        let directory = try TemporaryDirectory()
        let out = directory.path("release")
        let summary = try ReleaseWorkflow.release(specPath: try spec(in: directory, seed: 1), version: "1.0.0", outDirectory: out)
        XCTAssertTrue(summary.written)
        XCTAssertEqual(summary.ingested, ["mdr"])
        let manifest = try ReleaseReading.manifest(in: out)
        XCTAssertEqual(manifest, summary.manifest)
        XCTAssertEqual(manifest.split.counts.values.reduce(0, +), manifest.records)
        let verification = try ReleaseWorkflow.verify(directory: out)
        XCTAssertTrue(verification.verified, "\(verification)")
        XCTAssertThrowsError(try ReleaseWorkflow.release(specPath: try spec(in: directory, seed: 1), version: "1.0.0", outDirectory: out)) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("release failed, nothing written"), "\(error)")
        }
    }

    func testDryRunWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let out = directory.path("dry")
        let summary = try ReleaseWorkflow.release(specPath: try spec(in: directory, seed: 1), version: "1.0.0", outDirectory: out, dryRun: true)
        XCTAssertFalse(summary.written)
        XCTAssertGreaterThan(summary.manifest.records, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testDiffOfTwoSeedsMovesRecordsButKeepsThemAll() throws {
        let directory = try TemporaryDirectory()
        let first = try ReleaseWorkflow.release(specPath: try spec(in: directory, seed: 1), version: "1.0.0", outDirectory: directory.path("small-tc/1.0.0"))
        _ = try ReleaseWorkflow.release(specPath: try spec(in: directory, seed: 2), version: "1.0.1", outDirectory: directory.path("small-tc/1.0.1"))
        let diff = try ReleaseWorkflow.diff(from: "small-tc@1.0.0", to: "small-tc@1.0.1", root: directory.url.path)
        XCTAssertEqual(diff.added.count + diff.removed.count, 0)
        XCTAssertEqual(diff.unchanged + diff.changed.count + diff.moved.count, first.manifest.records)
        XCTAssertThrowsError(try ReleaseWorkflow.diff(from: "small-tc@9.9.9", to: "small-tc@1.0.1", root: directory.url.path))
    }
}
