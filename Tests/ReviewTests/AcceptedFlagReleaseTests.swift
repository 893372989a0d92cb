import Datasets
import Foundation
import Store
import XCTest
@testable import Review

/// An accepted reaction flag removes the reaction from the next release built with the store,
/// with a `flag_accepted` ledger line; a rejected one changes nothing.
final class AcceptedFlagReleaseTests: XCTestCase {
    func testAcceptedReactionLeavesTheNextRelease() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sample = repository.deletingLastPathComponent().appendingPathComponent("shared/data/synthesis/sol-gel-2020-schema-sample-40.json").path
        guard FileManager.default.fileExists(atPath: sample) else {
            return XCTFail("missing shared data \(sample): these tests need ../shared/data beside the repository")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curate-review-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: repository.appendingPathComponent("datasets/synthesis.curation.json").path,
                                         toPath: directory + "/synthesis.curation.json")
        try """
            { "name": "sol-gel", "description": "", "sources": [ { "kind": "synthesis", "path": "\(sample)", "name": "sol-gel" } ],
              "curation": "synthesis.curation.json", "target": { "property": "synthesis_reaction", "unit": "" },
              "representation": "reaction", "split": { "strategy": "grouped", "group_by": "composition", "fractions": { "train": 0.5, "validation": 0, "test": 0.5 } },
              "seed": 3 }
            """.write(toFile: directory + "/sol-gel.dataset.json", atomically: true, encoding: .utf8)
        let storePath = directory + "/store.sqlite"
        func ids(_ outcome: DatasetRelease.Outcome) throws -> [String] {
            let text = String(decoding: try XCTUnwrap(outcome.files.contents["records.jsonl"]), as: UTF8.self)
            return try text.split(separator: "\n").map { line in
                try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["id"] as? String)
            }
        }
        let before = try DatasetRelease.release(specPath: directory + "/sol-gel.dataset.json", version: "1.0.0",
                                                outDirectory: directory + "/v1", storePath: storePath)
        let released = try ids(before)
        XCTAssertGreaterThan(released.count, 2)

        let store = try CurateStore(path: storePath)
        let producer = FlagProducer(modelPath: "m", modelSHA256: "abc", inputSHA256: "")
        func draft(_ id: String) -> FlagDraft {
            FlagDraft(kind: .reaction, subjectKey: id, subjectLabel: id, provenanceJSON: "{}", score: 1, observedJSON: "{}",
                      predictedJSON: "{}", uncertainty: 0, evidenceJSON: "{}")
        }
        let flagIds = try store.recordFlags([draft(released[0]), draft(released[1])], producer: producer).flagIds.compactMap { $0 }
        try store.decideFlag(id: flagIds[0], status: .accepted, note: "two products parsed as one")
        try store.decideFlag(id: flagIds[1], status: .rejected, note: "fine")

        let after = try DatasetRelease.release(specPath: directory + "/sol-gel.dataset.json", version: "1.0.1",
                                               outDirectory: directory + "/v2", storePath: storePath)
        XCTAssertEqual(try ids(after), released.filter { $0 != released[0] })
        let ledger = String(decoding: try XCTUnwrap(after.files.contents["excluded.csv"]), as: UTF8.self)
        XCTAssertTrue(ledger.contains("flag_accepted"), ledger)
        XCTAssertTrue(ledger.contains("flag \(flagIds[0]) accepted: two products parsed as one"), ledger)
        XCTAssertEqual(after.files.manifest.excludedByRule["flag_accepted"], 1)
        XCTAssertEqual(after.files.manifest.funnel.last?.remaining, after.files.manifest.records)
    }
}
