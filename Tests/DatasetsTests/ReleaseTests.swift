import Curation
import Foundation
import Store
import XCTest
@testable import Datasets

final class ReleaseTests: XCTestCase {
    /// One Stanev release (version 1.0.0, Tc ≤ 300 K) shared by the tests that only read it.
    nonisolated(unsafe) static var shared: (directory: String, outcome: DatasetRelease.Outcome)?

    func sharedRelease() throws -> (directory: String, outcome: DatasetRelease.Outcome) {
        if let shared = Self.shared { return shared }
        let directory = try Paths.temporary()
        let outcome = try DatasetRelease.release(specPath: try writeSpec(in: directory), version: "1.0.0")
        Self.shared = (directory, outcome)
        return (directory, outcome)
    }

    override class func tearDown() {
        if let shared { try? FileManager.default.removeItem(atPath: shared.directory) }
        super.tearDown()
    }

    /// Writes a dataset spec (and its curation spec) into `directory` with absolute source paths.
    func writeSpec(in directory: String, name: String = "supercon-test", maxTc: Double = 300,
                   split: String = #"{ "strategy": "grouped", "group_by": "composition" }"#) throws -> String {
        let stanev = try Paths.shared("supercon/stanev-2018.csv")
        let curation = """
            { "name": "tc", "version": "1.0.0", "property": "tc", "sources": [],
              "rules": [ { "rule": "value_range", "min": 0, "max": \(maxTc) }, { "rule": "exclude_elements", "elements": ["noble_gases"] } ],
              "dedup": { "tier": "composition", "aggregate": "median", "spread_threshold": 0.25, "censored": "keep" } }
            """
        try curation.write(toFile: directory + "/\(name).curation.json", atomically: true, encoding: .utf8)
        let spec = """
            { "name": "\(name)", "description": "test", "sources": [ { "kind": "supercon", "path": "\(stanev)", "name": "stanev-2018" } ],
              "curation": "\(name).curation.json", "target": { "property": "tc", "unit": "K", "censored": { "not_superconducting": 0 } },
              "representation": "composition", "split": \(split), "seed": 1 }
            """
        let path = directory + "/\(name).dataset.json"
        try spec.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testSuperConReleaseAccountsForEveryObservationAndHasNoCompositionLeakage() throws {
        let outcome = try sharedRelease().outcome
        let manifest = outcome.files.manifest
        // Every observation curation read is either behind a record or in the ledger.
        let records = try ReleaseReading.records(in: outcome.directory)
        XCTAssertEqual(records.count, manifest.records)
        let behindRecords = records.values.reduce(0) { $0 + ($1.measurements ?? 0) }
        let ledgered = manifest.excludedByRule.filter { !$0.key.hasPrefix("quarantine:") }.values.reduce(0, +)
        XCTAssertEqual(behindRecords + ledgered, manifest.store.inputObservations)
        // Ingest quarantine is in the ledger too: Stanev's 109 rejected rows.
        XCTAssertEqual(manifest.excludedByRule.filter { $0.key.hasPrefix("quarantine:") }.values.reduce(0, +), manifest.sources[0].quarantined)
        XCTAssertEqual(manifest.sources[0].quarantined, 109)
        // Grouped by composition: no composition in two splits, and the report says so.
        XCTAssertEqual(manifest.leakage.count, 3)
        for report in manifest.leakage { XCTAssertEqual(report.sharedCompositions, 0, "\(report.a.name)/\(report.b.name)") }
        var splitByKey: [String: String] = [:]
        for line in records.values { XCTAssertNil(splitByKey.updateValue(line.split, forKey: line.composition)) }
        // Chemical-system overlap is real for a composition split, and reported.
        XCTAssertGreaterThan(manifest.leakage[0].sharedChemicalSystems, 0)
        // Files on disk match their manifest hashes.
        for file in manifest.files {
            let data = try XCTUnwrap(FileManager.default.contents(atPath: outcome.directory + "/" + file.path))
            XCTAssertEqual(ReleaseFiles.sha256(data), file.sha256, file.path)
            XCTAssertEqual(data.count, file.bytes, file.path)
        }
        // Roost export rows = records of that split.
        let trainCSV = try String(contentsOfFile: outcome.directory + "/exports/roost/train.csv", encoding: .utf8)
        XCTAssertEqual(trainCSV.split(separator: "\n").count - 1, manifest.split.counts["train"])
    }

    func testVerifyRebuildsByteForByteAndCatchesTampering() throws {
        let (directory, shared) = try sharedRelease()
        let clean = try DatasetRelease.verify(directory: shared.directory)
        XCTAssertTrue(clean.verified, "\(clean)")
        XCTAssertEqual(clean.identical.count, shared.files.contents.count)
        // Tamper with a copy (same depth, so the recorded source paths still resolve).
        let copy = directory + "/supercon-test/1.0.0-copy"
        try FileManager.default.copyItem(atPath: shared.directory, toPath: copy)
        let outcome = DatasetRelease.Outcome(directory: copy, files: shared.files, ingested: [])

        // Releasing the same version again is refused and leaves the release untouched.
        XCTAssertThrowsError(try DatasetRelease.release(specPath: directory + "/supercon-test.dataset.json", version: "1.0.0")) { error in
            XCTAssertEqual(error as? DatasetError, .releaseExists(path: shared.directory))
        }
        // One changed byte is found, and only in that file.
        let path = outcome.directory + "/records.csv"
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
        bytes[bytes.count - 2] = bytes[bytes.count - 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try bytes.write(to: URL(fileURLWithPath: path))
        let tampered = try DatasetRelease.verify(directory: outcome.directory)
        XCTAssertFalse(tampered.verified)
        XCTAssertEqual(tampered.differing, ["records.csv"])
    }

    func testChangingOneThresholdDiffsExactlyTheAffectedRecords() throws {
        let first = try sharedRelease().outcome
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let second = try DatasetRelease.release(specPath: try writeSpec(in: directory, maxTc: 100), version: "1.1.0")
        let diff = ReleaseDiff.compare(from: "1.0.0", try ReleaseReading.records(in: first.directory),
                                       to: "1.1.0", try ReleaseReading.records(in: second.directory))
        // Independently: the compositions with a measured Tc in (100, 300] in the raw inputs.
        let nobleGases: Set<String> = ["He", "Ne", "Ar", "Kr", "Xe", "Rn"]
        let affected = Set(try Self.stanevInputs().filter { input in
            guard let value = input.value, value > 100, value <= 300 else { return false }
            return nobleGases.isDisjoint(with: input.chemicalSystem.split(separator: "-").map(String.init))
        }.map { RecordIdentity.id(canonicalKey: $0.canonicalKey) })
        let reported = Set(diff.removed.map(\.id) + diff.changed.map(\.id))
        XCTAssertFalse(affected.isEmpty)
        XCTAssertEqual(reported, affected)
        XCTAssertTrue(diff.added.isEmpty)
        XCTAssertTrue(diff.moved.isEmpty, "hash-based splits must not move unaffected records")
        XCTAssertEqual(diff.unchanged, first.files.manifest.records - reported.count)
    }

    static func stanevInputs() throws -> [CurationInput] {
        let store = try CurateStore.inMemory()
        let prepared = try SourcePreparation.prepare([SourceSpec(kind: "supercon", path: "", name: "stanev-2018")],
                                                     absolutePaths: [try Paths.shared("supercon/stanev-2018.csv")], store: store)
        XCTAssertEqual(prepared.first?.ingestedNow, true)
        return try store.curationInputs(property: "tc", sources: ["stanev-2018"])
    }

    func testStoreModeUsesExistingSourcesAndRecordsIt() throws {
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let storePath = directory + "/store.sqlite"
        let specPath = Paths.datasets + "/expt-gap.dataset.json"
        _ = try Paths.shared("exptgap/matbench_expt_gap.csv")
        let first = try DatasetRelease.release(specPath: specPath, version: "1.0.0", outDirectory: directory + "/r/1.0.0", storePath: storePath)
        XCTAssertEqual(first.ingested, ["matbench-expt-gap"])
        XCTAssertEqual(first.files.manifest.store.mode, "file")
        let second = try DatasetRelease.release(specPath: specPath, version: "1.0.1", outDirectory: directory + "/r/1.0.1", storePath: storePath)
        XCTAssertEqual(second.ingested, [], "the store already had the file")
        XCTAssertTrue(try DatasetRelease.verify(directory: first.directory, storePath: storePath).verified)
        // The data are the same as a fresh-store release; only the manifest's store block differs.
        let fresh = try DatasetRelease.release(specPath: specPath, version: "1.0.0", outDirectory: directory + "/r/fresh", dryRun: true)
        XCTAssertEqual(fresh.files.contents["records.csv"], first.files.contents["records.csv"])
        XCTAssertEqual(fresh.files.manifest.store.inputsSHA256, first.files.manifest.store.inputsSHA256)
    }

    func testBadSpecsGetPreciseErrors() throws {
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bad = directory + "/bad.dataset.json"
        try #"{ "name": "x", "description": "", "sources": [], "curation": "c.json", "target": {"property": "tc", "unit": "K"}, "representation": "composition", "split": {"strategy": "random"}, "seed": 1 }"#
            .write(toFile: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DatasetSpec.load(path: bad)) { XCTAssertTrue("\($0)".contains("sources: at least one source"), "\($0)") }
        try #"{ "name": "x", "description": "", "sources": [{"kind": "supercon", "path": "a.csv"}], "curation": "c.json", "target": {"property": "tc", "unit": "K"}, "representation": "composition", "split": {"strategy": "kfold", "k": 1}, "seed": 1 }"#
            .write(toFile: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DatasetSpec.load(path: bad)) { XCTAssertTrue("\($0)".contains("kfold needs k >= 2"), "\($0)") }
        try #"{ "name": "x", "description": "", "sources": [{"kind": "supercon", "path": "a.csv"}], "curation": "c.json", "target": {"property": "tc"}, "representation": "composition", "split": {"strategy": "random"}, "seed": 1 }"#
            .write(toFile: bad, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DatasetSpec.load(path: bad)) { XCTAssertTrue("\($0)".contains("missing key \"unit\" at .target"), "\($0)") }
        // A missing source file names the source and the path, and nothing is written.
        let specPath = try writeSpec(in: directory)
        let text = try String(contentsOfFile: specPath, encoding: .utf8).replacingOccurrences(of: "stanev-2018.csv", with: "nope.csv")
        try text.write(toFile: specPath, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DatasetRelease.release(specPath: specPath, version: "1.0.0")) { error in
            XCTAssertTrue("\(error)".contains("nope.csv"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/supercon-test/1.0.0"))
        XCTAssertThrowsError(try DatasetRelease.release(specPath: specPath, version: "1.0")) { XCTAssertTrue("\($0)".contains("MAJOR.MINOR.PATCH")) }
    }
}
