import Foundation
import Store
import XCTest
@testable import Datasets

/// A streamed release (bounded memory) gives exactly the bytes of an in-memory build.
final class StreamingReleaseTests: XCTestCase {
    /// Builds `specPath` both ways (dry runs) and compares every file.
    func assertBothBuildsAgree(_ specPath: String, storePath: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws {
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let out = directory + "/release/1.0.0"
        let streamed = try DatasetRelease.release(specPath: specPath, version: "1.0.0", outDirectory: out, storePath: storePath, dryRun: true)
        let inMemory = try DatasetRelease.release(specPath: specPath, version: "1.0.0", outDirectory: out, storePath: storePath, dryRun: true,
                                                  build: .inMemory)
        XCTAssertNotNil(streamed.files.staged, "the spec should stream", file: file, line: line)
        XCTAssertNil(inMemory.files.staged, file: file, line: line)
        XCTAssertEqual(streamed.files.paths, inMemory.files.paths, file: file, line: line)
        let (a, b) = (streamed.files.contents, inMemory.files.contents)
        for path in inMemory.files.paths {
            XCTAssertEqual(a[path], b[path], "\(specPath): \(path) differs", file: file, line: line)
        }
        XCTAssertGreaterThan(streamed.files.manifest.records, 0, file: file, line: line)
    }

    func testStarterSpecsStreamToTheSameBytes() throws {
        _ = try Paths.shared("README.md")
        let names = ["supercon-tc", "oqmd-formation", "expt-gap", "li-fe-o-polymorphs"]
        for name in names {
            let spec = try DatasetSpec.load(path: Paths.datasets + "/\(name).dataset.json")
            XCTAssertTrue(StreamingRelease.supports(spec), name)
            try assertBothBuildsAgree(Paths.datasets + "/\(name).dataset.json")
        }
    }

    /// Nested k-fold (an inner-fold column) and a file store with an accepted review flag (a
    /// review exclusion in the ledger) stream to the same bytes too.
    func testNestedFoldsAndReviewExclusionsStreamToTheSameBytes() throws {
        let stanev = try Paths.shared("supercon/stanev-2018.csv")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spec = """
            {"name": "tc-nested", "description": "nested folds",
             "sources": [{"kind": "supercon", "path": "\(stanev)", "name": "stanev-2018"}],
             "curation": "\(Paths.datasets)/supercon-tc.curation.json",
             "target": {"property": "tc", "unit": "K"}, "representation": "composition",
             "split": {"strategy": "nested_kfold", "k": 3, "inner_k": 2}, "seed": 7}
            """
        let specPath = directory + "/tc-nested.dataset.json"
        try Data(spec.utf8).write(to: URL(fileURLWithPath: specPath))
        let storePath = directory + "/store.sqlite"
        _ = try DatasetRelease.release(specPath: specPath, version: "0.1.0", outDirectory: directory + "/first", storePath: storePath, dryRun: true)
        let store = try CurateStore(path: storePath)
        let observation = try XCTUnwrap(try store.curationInputs(property: "tc", sources: []).first { $0.value != nil })
        let draft = FlagDraft(kind: .property, subjectKey: String(observation.observationId), subjectLabel: observation.formulaAsWritten,
                              provenanceJSON: "{}", score: 1, observedJSON: "1", predictedJSON: "2", uncertainty: 0.1, evidenceJSON: "{}")
        let recorded = try store.recordFlags([draft], producer: FlagProducer(modelPath: "test", modelSHA256: "abc", inputSHA256: "def"))
        _ = try store.decideFlag(id: XCTUnwrap(recorded.flagIds.first ?? nil), status: .accepted, note: "typo")
        try assertBothBuildsAgree(specPath, storePath: storePath)
        let ledger = String(decoding: try XCTUnwrap(try DatasetRelease.release(specPath: specPath, version: "0.1.0", outDirectory: directory + "/x",
                                                                               storePath: storePath, dryRun: true).files.contents["excluded.csv"]), as: UTF8.self)
        XCTAssertTrue(ledger.contains("flag_accepted"))
    }

    /// With text that is not all ASCII the scratch sorts as Swift's `String` does.
    func testScratchSortsLikeSwiftStrings() throws {
        let scratch = try ReleaseScratch()
        let locators = ["line 10", "line 9", "é", "e\u{301}x", "Z", "a", "ß", "line 1"]
        for (index, locator) in locators.enumerated() {
            try scratch.addLedger(.init(source: "s", locator: locator, formulaAsWritten: "", canonicalKey: "", value: nil, qualifier: "",
                                        rule: "r", ruleVersion: "", reason: ""), category: 0, sequence: index)
            try scratch.addInputLine(locator)
        }
        var ledger: [String] = []
        try scratch.forEachLedgerRow { ledger.append($0.locator) }
        var lines: [String] = []
        try scratch.forEachInputLine { lines.append($0) }
        XCTAssertEqual(ledger, locators.sorted())
        XCTAssertEqual(lines, locators.sorted())
    }

    /// A streamed release that fails part-way leaves no staging folder and no release.
    func testFailedStreamLeavesNothing() throws {
        let stanev = try Paths.shared("supercon/stanev-2018.csv")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let spec = """
            {"name": "tc-wrong-unit", "description": "the unit is wrong",
             "sources": [{"kind": "supercon", "path": "\(stanev)", "name": "stanev-2018"}],
             "curation": "\(Paths.datasets)/supercon-tc.curation.json",
             "target": {"property": "tc", "unit": "eV"}, "representation": "composition",
             "split": {"strategy": "random"}, "seed": 7}
            """
        let specPath = directory + "/tc-wrong-unit.dataset.json"
        try Data(spec.utf8).write(to: URL(fileURLWithPath: specPath))
        XCTAssertThrowsError(try DatasetRelease.release(specPath: specPath, version: "1.0.0", outDirectory: directory + "/out/1.0.0")) { error in
            XCTAssertTrue("\(error)".contains("is in eV but stanev-2018:"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory + "/out"), [])
    }
}
