import Foundation
import XCTest
@testable import Datasets

/// A reaction dataset from the 2020-schema sol-gel sample (40 reactions).
final class ReactionReleaseTests: XCTestCase {
    func testSolGelSampleReleaseFiltersAndAccountsForEveryReaction() throws {
        let sample = try Paths.shared("synthesis/sol-gel-2020-schema-sample-40.json")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: Paths.datasets + "/synthesis.curation.json", toPath: directory + "/synthesis.curation.json")
        try """
            { "name": "sol-gel", "description": "", "sources": [ { "kind": "synthesis", "path": "\(sample)", "name": "sol-gel" } ],
              "curation": "synthesis.curation.json", "target": { "property": "synthesis_reaction", "unit": "" },
              "representation": "reaction", "split": { "strategy": "grouped", "group_by": "composition",
                "fractions": { "train": 0.5, "validation": 0, "test": 0.5 } }, "seed": 3 }
            """.write(toFile: directory + "/sol-gel.dataset.json", atomically: true, encoding: .utf8)
        let outcome = try DatasetRelease.release(specPath: directory + "/sol-gel.dataset.json", version: "1.0.0")
        let manifest = outcome.files.manifest
        XCTAssertEqual(manifest.sources[0].read, 40)

        let text = try XCTUnwrap(outcome.files.contents["records.jsonl"].map { String(decoding: $0, as: UTF8.self) })
        var ids = Set<String>()
        var splitByTarget: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let precursors = try XCTUnwrap(object["precursor_keys"] as? [String])
            XCTAssertTrue((2...10).contains(Set(precursors).count), "\(precursors)")
            for key in precursors { XCTAssertFalse(key.contains("C0") && key.contains("H0"), "organic precursor \(key)") }
            let elements = try XCTUnwrap(object["target_elements"] as? [String])
            XCTAssertGreaterThanOrEqual(elements.count, 2)
            let fractions = try XCTUnwrap(object["target_fractions"] as? [Double])
            XCTAssertEqual(fractions.reduce(0, +), 1, accuracy: 1e-5)
            XCTAssertTrue(ids.insert(try XCTUnwrap(object["id"] as? String)).inserted)
            // Grouped by target: one split per target composition.
            let key = try XCTUnwrap(object["canonical_key"] as? String), split = try XCTUnwrap(object["split"] as? String)
            XCTAssertEqual(splitByTarget.updateValue(split, forKey: key) ?? split, split)
        }
        // Every stored reaction is either released or in the ledger with a filter's reason; every
        // quarantined one is in the ledger too.
        let filtered = manifest.excludedByRule.filter { !$0.key.hasPrefix("quarantine:") }.values.reduce(0, +)
        XCTAssertEqual(manifest.records + filtered, manifest.store.inputObservations)
        XCTAssertEqual(manifest.excludedByRule.filter { $0.key.hasPrefix("quarantine:") }.values.reduce(0, +), manifest.sources[0].quarantined)
        XCTAssertEqual(manifest.funnel.last?.remaining, manifest.records)
        XCTAssertTrue(manifest.leakage.allSatisfy { $0.sharedCompositions == 0 })
        XCTAssertTrue(try DatasetRelease.verify(directory: outcome.directory).verified)
    }

    func testReactionSpecsRefuseCompositionOnlyStrategies() throws {
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/r.dataset.json"
        try """
            { "name": "r", "description": "", "sources": [ { "kind": "synthesis", "path": "x.json" } ], "curation": "c.json",
              "target": { "property": "synthesis_reaction", "unit": "" }, "representation": "reaction",
              "split": { "strategy": "stratified" }, "seed": 1 }
            """.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DatasetSpec.load(path: path)) { XCTAssertTrue("\($0)".contains("a reaction dataset splits with"), "\($0)") }
        XCTAssertEqual(ReactionAction.of("LiquidGrinding"), "liquid_grinding")
        XCTAssertEqual(ReactionAction.of("Mixing"), "dry_mixing")
    }
}
