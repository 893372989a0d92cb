import Foundation
import XCTest
@testable import Datasets

/// Every starter spec in `datasets/` releases, verifies byte for byte, and reports leakage.
final class StarterSpecTests: XCTestCase {
    /// Releases a starter spec into a temporary directory; verifies it when asked (the
    /// rebuild doubles the time, so the largest spec is only built here; `curate release
    /// --verify` is run on every starter spec in the closing notes).
    func release(_ name: String, verify: Bool) throws -> (DatasetRelease.Outcome, String) {
        _ = try Paths.shared("README.md")
        let directory = try Paths.temporary()
        let outcome = try DatasetRelease.release(specPath: Paths.datasets + "/\(name).dataset.json", version: "1.0.0",
                                                 outDirectory: directory + "/\(name)/1.0.0", dryRun: !verify)
        if verify {
            let verification = try DatasetRelease.verify(directory: outcome.directory)
            XCTAssertTrue(verification.verified, "\(name): \(verification)")
        }
        return (outcome, directory)
    }

    func testOQMDRandomSplitReleasesAndVerifies() throws {
        let (outcome, directory) = try release("oqmd-formation", verify: false)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let manifest = outcome.files.manifest
        XCTAssertEqual(manifest.sources[0].read, 25662)
        XCTAssertEqual(Set(manifest.split.counts.keys), ["train", "validation", "test"])
        XCTAssertEqual(Double(manifest.split.counts["test"] ?? 0) / Double(manifest.records), 0.1, accuracy: 0.01)
        // A random split shares chemical systems between train and test; the report must say how many.
        let trainTest = try XCTUnwrap(manifest.leakage.first { $0.a.name == "train" && $0.b.name == "test" })
        XCTAssertGreaterThan(trainTest.sharedChemicalSystems, 0)
        XCTAssertEqual(trainTest.sharedCompositions, 0, "one record per composition after dedup")
    }

    func testExperimentalGapFiveFolds() throws {
        let (outcome, directory) = try release("expt-gap", verify: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let manifest = outcome.files.manifest
        XCTAssertEqual(Set(manifest.split.counts.keys), Set((0..<5).map { "fold-\($0)" }))
        XCTAssertEqual(manifest.split.counts.values.reduce(0, +), manifest.records)
        XCTAssertEqual(manifest.leakage.count, 10)
        XCTAssertTrue(manifest.leakage.allSatisfy { $0.sharedCompositions == 0 })
    }

    func testSpecsInDatasetsDirectoryAllLoad() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Paths.datasets).filter { $0.hasSuffix(".dataset.json") }
        XCTAssertGreaterThanOrEqual(names.count, 4)
        for name in names { XCTAssertNoThrow(try DatasetSpec.load(path: Paths.datasets + "/" + name), name) }
    }
}

/// The JSON Schemas in `schemas/` describe what the code reads and writes.
final class SchemaConsistencyTests: XCTestCase {
    func schema(_ name: String) throws -> [String: Any] {
        let path = Paths.repository.appendingPathComponent("schemas/\(name)").path
        let data = try XCTUnwrap(FileManager.default.contents(atPath: path), path)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testSpecSchemaListsEveryStrategy() throws {
        let properties = try XCTUnwrap(try schema("dataset-spec.schema.json")["properties"] as? [String: Any])
        let split = try XCTUnwrap((properties["split"] as? [String: Any])?["properties"] as? [String: Any])
        let strategies = try XCTUnwrap((split["strategy"] as? [String: Any])?["enum"] as? [String])
        XCTAssertEqual(Set(strategies), SplitStrategy.names)
    }

    func testManifestHasEveryRequiredKey() throws {
        let required = try XCTUnwrap(try schema("release-manifest.schema.json")["required"] as? [String])
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try DatasetRelease.release(specPath: Paths.datasets + "/expt-gap.dataset.json", version: "1.0.0",
                                                 outDirectory: directory + "/r", dryRun: true)
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: XCTUnwrap(outcome.files.contents["manifest.json"])) as? [String: Any])
        XCTAssertEqual(Set(manifest.keys), Set(required))
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/r"), "a dry run writes nothing")
    }
}

/// A Wyckoff (polymorph) dataset from the Li–Fe–O Materials Project entries.
final class PolymorphDatasetTests: XCTestCase {
    func testLiFeOPolymorphsReleaseOneRecordPerProtostructure() throws {
        _ = try Paths.shared("mp/emmet/Li-Fe-O.json.gz")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try DatasetRelease.release(specPath: Paths.datasets + "/li-fe-o-polymorphs.dataset.json", version: "1.0.0",
                                                 outDirectory: directory + "/r/1.0.0")
        XCTAssertTrue(try DatasetRelease.verify(directory: outcome.directory).verified)
        let manifest = outcome.files.manifest
        let text = try XCTUnwrap(outcome.files.contents["records.jsonl"].map { String(decoding: $0, as: UTF8.self) })
        var labels = Set<String>()
        var compositions = Set<String>()
        var splitByComposition: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let label = try XCTUnwrap(object["protostructure"] as? String)
            let key = try XCTUnwrap(object["canonical_key"] as? String), split = try XCTUnwrap(object["split"] as? String)
            XCTAssertEqual(String(label.split(separator: ":").last ?? ""), object["chemical_system"] as? String)
            XCTAssertTrue(labels.insert(key + " " + label).inserted, "one record per (composition, protostructure)")
            compositions.insert(key)
            XCTAssertEqual(splitByComposition.updateValue(split, forKey: key) ?? split, split, "polymorphs share a split")
        }
        XCTAssertEqual(labels.count, manifest.records)
        XCTAssertGreaterThan(labels.count, compositions.count, "Li-Fe-O has polymorphs")
        for report in manifest.leakage {
            XCTAssertEqual(report.sharedCompositions, 0)
            XCTAssertEqual(report.sharedProtostructures, 0)
            XCTAssertNotNil(report.sharedPrototypes)
        }
        XCTAssertNotNil(outcome.files.contents["exports/wren/train.csv"])
    }
}

/// A space-group holdout on structure-bearing records: the space group comes from the entries'
/// spglib analysis at ingest, the check from the records' own protostructure labels.
final class SpaceGroupHoldoutTests: XCTestCase {
    func testMonoclinicC2mAndC2cHeldOut() throws {
        _ = try Paths.shared("mp/emmet/Li-Fe-O.json.gz")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: Paths.datasets + "/li-fe-o-polymorphs.curation.json",
                                         toPath: directory + "/li-fe-o-polymorphs.curation.json")
        let original = try String(contentsOfFile: Paths.datasets + "/li-fe-o-polymorphs.dataset.json", encoding: .utf8)
        let shared = try Paths.shared("mp/emmet/Li-Fe-O.json.gz")
        let spec = try XCTUnwrap(original.replacingOccurrences(of: "../../shared/data/mp/emmet/Li-Fe-O.json.gz", with: shared)
            .replacingOccurrences(of: #""strategy": "grouped", "group_by": "composition","#, with: #""strategy": "space_group", "values": ["12", "15"],"#))
        XCTAssertTrue(spec.contains("space_group"))
        try spec.write(toFile: directory + "/s.dataset.json", atomically: true, encoding: .utf8)
        let outcome = try DatasetRelease.release(specPath: directory + "/s.dataset.json", version: "1.0.0", dryRun: true)
        let text = try XCTUnwrap(outcome.files.contents["records.jsonl"].map { String(decoding: $0, as: UTF8.self) })
        var test = 0
        for line in text.split(separator: "\n") {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let label = try XCTUnwrap(object["protostructure"] as? String)
            let group = String(label.split(separator: "_")[2])
            let split = try XCTUnwrap(object["split"] as? String)
            XCTAssertEqual(split == "test", ["12", "15"].contains(group), label)
            if split == "test" { test += 1 }
        }
        XCTAssertGreaterThan(test, 0)
        XCTAssertEqual(outcome.files.manifest.split.notes["field"], "space_group")
    }
}
