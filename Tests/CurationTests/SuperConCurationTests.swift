import Chemistry
import Foundation
import Ingest
import Store
import XCTest
@testable import Curation

/// The shipped SuperCon spec over Stanev + MDR together.
final class SuperConCurationTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func sharedPath(_ relative: String) throws -> String {
        let path = Self.repository.deletingLastPathComponent().appendingPathComponent("shared/data/\(relative)").path
        guard FileManager.default.fileExists(atPath: path) else {
            XCTFail("missing shared data \(path): these tests need ../shared/data beside the repository")
            throw CocoaError(.fileNoSuchFile)
        }
        return path
    }

    private func superconStore() throws -> CurateStore {
        let store = try CurateStore.inMemory()
        _ = try SuperConIngester.ingest(path: try sharedPath("supercon/stanev-2018.csv"), into: store)
        _ = try SuperConIngester.ingest(path: try sharedPath("supercon/mdr-2024/mdr.csv"), into: store)
        return store
    }

    func testShippedSpecCuratesStanevAndMDRTogether() throws {
        let store = try superconStore()
        let spec = try CurationSpec.load(path: Self.repository.appendingPathComponent("datasets/supercon-tc.curation.json").path)
        let report = try Curator.clean(spec: spec, store: store, toolVersion: "test")
        let inputs = try store.curationInputs(property: "tc", sources: [])
        XCTAssertEqual(report.input, inputs.count)

        // The funnel adds up, and every input is either in the ledger or a member of a cluster.
        XCTAssertEqual(report.funnel.first?.remaining, report.input)
        XCTAssertEqual(report.input - report.funnel.reduce(0) { $0 + $1.removed }, report.curated)
        let clusters = try store.clusters(runId: report.runId)
        let exclusions = try store.exclusions(runId: report.runId)
        XCTAssertEqual(clusters.reduce(0) { $0 + $1.size } + exclusions.count, report.input)
        XCTAssertEqual(Set(clusters.flatMap(\.members)).count + Set(exclusions.map(\.observationId)).count, report.input)

        // Duplicate compositions are clustered across both files.
        let crossFile = clusters.filter { $0.evidenceJSON.contains("\"mdr\"") && $0.evidenceJSON.contains("\"stanev-2018\"") }
        XCTAssertGreaterThan(crossFile.count, 1_000)

        // An aggregated Tc never includes a "not superconducting" record.
        let qualifierById = Dictionary(uniqueKeysWithValues: inputs.map { ($0.observationId, $0.qualifier) })
        for cluster in clusters where cluster.value != nil {
            XCTAssertTrue(cluster.members.allSatisfy { qualifierById[$0] != "not_superconducting" }, cluster.key)
        }
        XCTAssertGreaterThan(exclusions.filter { $0.rule == "censored_with_measurements" }.count, 0)
        XCTAssertGreaterThan(report.flaggedClusters, 0)

        // "Why is La2CuO4's Tc = 0 record not in my dataset?" has an answer.
        let key = try Composition(formula: "La2CuO4").canonicalKey()
        let why = try store.exclusions(runId: report.runId, canonicalKey: key)
        XCTAssertEqual(why.map(\.rule), ["censored_with_measurements"])
        XCTAssertEqual(try store.clusters(runId: report.runId, key: key).first?.qualifier, "aggregate")
    }

    func testRunningTheSameSpecTwiceGivesIdenticalOutputAndLedger() throws {
        let store = try superconStore()
        let spec = try CurationSpec.load(path: Self.repository.appendingPathComponent("datasets/supercon-tc.curation.json").path)
        let first = try Curator.clean(spec: spec, store: store, toolVersion: "test")
        let second = try Curator.clean(spec: spec, store: store, toolVersion: "test")
        XCTAssertNotEqual(first.runId, second.runId)
        XCTAssertEqual(first.funnel, second.funnel)
        XCTAssertEqual(first.specSHA256, second.specSHA256)
        func strip(_ entries: [ExclusionEntry]) -> [ExclusionEntry] { entries.map { var e = $0; e.runId = 0; return e } }
        func strip(_ entries: [ClusterEntry]) -> [ClusterEntry] { entries.map { var c = $0; c.runId = 0; return c } }
        XCTAssertEqual(strip(try store.exclusions(runId: first.runId)), strip(try store.exclusions(runId: second.runId)))
        XCTAssertEqual(strip(try store.clusters(runId: first.runId)), strip(try store.clusters(runId: second.runId)))
        let runs = try store.curationRuns()
        XCTAssertEqual(runs.count, 2)
        XCTAssertEqual(runs[0].storeHash, runs[1].storeHash, "curation never edits ingested data")
    }

    func testInvalidSpecsAreRefusedWithThePath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curate-spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases = [
            ("unknown-rule.json", #"{"name":"x","version":"1","property":"tc","sources":[],"rules":[{"rule":"magic"}],"dedup":{"tier":"composition","aggregate":"median","spread_threshold":0.2,"censored":"keep"}}"#, "unknown rule \"magic\""),
            ("missing.json", #"{"name":"x","version":"1","sources":[],"rules":[],"dedup":{"tier":"composition","aggregate":"median","spread_threshold":0.2,"censored":"keep"}}"#, "missing key \"property\""),
            ("policy.json", #"{"name":"x","version":"1","property":"tc","sources":[],"rules":[],"dedup":{"tier":"composition","aggregate":"mode","spread_threshold":0.2,"censored":"keep"}}"#, "dedup.aggregate"),
            ("broken.json", "{", "not valid JSON"),
        ]
        for (name, text, expected) in cases {
            let path = directory.appendingPathComponent(name).path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            XCTAssertThrowsError(try CurationSpec.load(path: path), name) { error in
                let message = String(describing: error)
                XCTAssertTrue(message.contains(name) && message.contains(expected), message)
            }
        }
        let empty = try CurateStore.inMemory()
        let spec = CurationSpec(name: "x", version: "1", property: "tc", sources: [], rules: [],
                                dedup: DedupSpec(tier: "composition", aggregate: "median", spreadThreshold: 0.2, censored: "keep"))
        XCTAssertThrowsError(try Curator.clean(spec: spec, store: empty, toolVersion: "test")) { error in
            XCTAssertTrue(String(describing: error).contains("no observations of \"tc\""))
        }
    }
}
