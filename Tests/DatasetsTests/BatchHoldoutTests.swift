import Foundation
import XCTest
@testable import Datasets

/// A batch holdout on real WBM rows: the substitution round comes from the material id.
final class BatchHoldoutTests: XCTestCase {
    func testWBMRoundFiveHeldOut() throws {
        let wbm = try Paths.shared("wbm/grace2l_r6-wbm-IS2RE-FIRE-bad.csv")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try """
            { "name": "e", "version": "1.0.0", "property": "formation_energy_per_atom", "sources": [], "rules": [],
              "dedup": { "tier": "composition", "aggregate": "min", "spread_threshold": 0.1, "censored": "drop" } }
            """.write(toFile: directory + "/e.curation.json", atomically: true, encoding: .utf8)
        try """
            { "name": "wbm-batch", "description": "", "sources": [ { "kind": "table", "path": "\(wbm)", "name": "wbm-bad",
                "property": "formation_energy_per_atom", "unit": "eV/atom", "value_column": "e_form_per_atom_mp2020_corrected" } ],
              "curation": "e.curation.json", "target": { "property": "formation_energy_per_atom", "unit": "eV/atom" },
              "representation": "composition", "split": { "strategy": "batch", "values": ["5"],
                "fractions": { "train": 1, "validation": 0, "test": 0 } }, "seed": 1 }
            """.write(toFile: directory + "/wbm.dataset.json", atomically: true, encoding: .utf8)
        let outcome = try DatasetRelease.release(specPath: directory + "/wbm.dataset.json", version: "1.0.0", dryRun: true)
        let text = try XCTUnwrap(outcome.files.contents["records.jsonl"].map { String(decoding: $0, as: UTF8.self) })
        // Independently of the split code: the rounds read straight off the raw file's ids.
        let raw = try String(contentsOfFile: wbm, encoding: .utf8).split(separator: "\n").dropFirst()
        let roundFiveIds = Set(raw.compactMap { line -> String? in
            let id = String(line.split(separator: ",")[0])
            return id.hasPrefix("wbm-5-") ? id : nil
        })
        XCTAssertEqual(roundFiveIds.count, 5)
        var testIds = Set<String>()
        var trainCount = 0
        for line in text.split(separator: "\n") {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let ids = try XCTUnwrap(object["entry_ids"] as? [String])
            let split = try XCTUnwrap(object["split"] as? String)
            if split == "test" { testIds.formUnion(ids) } else { trainCount += 1; XCTAssertEqual(split, "train") }
            XCTAssertEqual(split == "test", ids.contains { $0.hasPrefix("wbm-5-") }, "\(ids)")
        }
        XCTAssertEqual(testIds.intersection(roundFiveIds), roundFiveIds)
        XCTAssertGreaterThan(trainCount, 0)
        XCTAssertEqual(outcome.files.manifest.split.notes["field"], "batch")
    }
}
