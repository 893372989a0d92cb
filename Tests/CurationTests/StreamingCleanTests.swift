import Foundation
import Ingest
import Store
import XCTest
@testable import Curation

/// `curate clean` curates while it reads and writes (one canonical key's observations in
/// memory): its run equals the whole-array engine's run recorded at once, for a composition spec
/// over SuperCon and a protostructure spec over FLLA's structures.
final class StreamingCleanTests: XCTestCase {
    /// The repository (three folders above this file), for the shipped specs in `datasets/`.
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func sharedPath(_ relative: String) throws -> String { try CurationTestData.shared(relative).path }

    /// Runs `spec` both ways on `store` and compares everything the store shows of the two runs.
    private func assertStreamingEqualsWhole(_ spec: CurationSpec, _ store: CurateStore,
                                            file: StaticString = #filePath, line: UInt = #line) throws {
        let streamed = try Curator.clean(spec: spec, store: store, toolVersion: "test")
        let inputs = try store.curationInputs(property: spec.property, sources: spec.sources)
        let (exclusions, clusters, funnel) = CurationEngine.run(spec: spec, inputs: inputs)
        let specJSON = try spec.canonicalJSON()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let whole = try store.recordCuration(CurationRecordSet(
            specName: spec.name, specVersion: spec.version, specSHA256: streamed.specSHA256, specJSON: specJSON,
            toolVersion: "test", inputCount: inputs.count, funnelJSON: String(decoding: try encoder.encode(funnel), as: UTF8.self),
            exclusions: exclusions, clusters: clusters))

        XCTAssertEqual(streamed.input, inputs.count, file: file, line: line)
        XCTAssertEqual(streamed.funnel, funnel, file: file, line: line)
        XCTAssertEqual(streamed.excluded, exclusions.count, file: file, line: line)
        XCTAssertEqual(streamed.clusters, clusters.count, file: file, line: line)
        XCTAssertEqual(streamed.flaggedClusters, clusters.filter(\.flagged).count, file: file, line: line)
        let runs = try store.curationRuns()
        guard let first = runs.first(where: { $0.id == streamed.runId }), let second = runs.first(where: { $0.id == whole }) else {
            return XCTFail("both runs are recorded", file: file, line: line)
        }
        XCTAssertEqual(first.inputCount, second.inputCount, file: file, line: line)
        XCTAssertEqual(first.curatedCount, second.curatedCount, file: file, line: line)
        XCTAssertEqual(first.funnelJSON, second.funnelJSON, file: file, line: line)
        XCTAssertEqual(first.specSHA256, second.specSHA256, file: file, line: line)
        let strip = { (entries: [ExclusionEntry]) in entries.map { entry -> ExclusionEntry in var entry = entry; entry.runId = 0; return entry } }
        XCTAssertEqual(strip(try store.exclusions(runId: streamed.runId)), strip(try store.exclusions(runId: whole)), file: file, line: line)
        let stripClusters = { (entries: [ClusterEntry]) in entries.map { entry -> ClusterEntry in var entry = entry; entry.runId = 0; return entry } }
        let streamedClusters = stripClusters(try store.clusters(runId: streamed.runId))
        XCTAssertEqual(streamedClusters, stripClusters(try store.clusters(runId: whole)), file: file, line: line)
        XCTAssertEqual(streamedClusters.count, clusters.count, file: file, line: line)
    }

    func testCompositionSpecOverSuperConEqualsTheWholeRun() throws {
        let store = try CurateStore.inMemory()
        _ = try SuperConIngester.ingest(path: try sharedPath("supercon/stanev-2018.csv"), into: store)
        _ = try SuperConIngester.ingest(path: try sharedPath("supercon/mdr-2024/mdr.csv"), into: store)
        let spec = try CurationSpec.load(path: Self.repository.appendingPathComponent("datasets/supercon-tc.curation.json").path)
        try assertStreamingEqualsWhole(spec, store)
    }

    func testProtostructureSpecOverPerov5EqualsTheWholeRun() throws {
        let store = try CurateStore.inMemory()
        _ = try StructureTableIngester().ingest(path: try sharedPath("polymorphs/perov_5_test.csv.xz"), into: store)
        let spec = try CurationSpec.load(path: Self.repository.appendingPathComponent("datasets/perov5-heat.curation.json").path)
        try assertStreamingEqualsWhole(spec, store)
    }

    func testNoInputLeavesNoRun() throws {
        let store = try CurateStore.inMemory()
        _ = try SuperConIngester.ingest(path: try sharedPath("supercon/stanev-2018.csv"), into: store)
        var spec = try CurationSpec.load(path: Self.repository.appendingPathComponent("datasets/supercon-tc.curation.json").path)
        spec.property = "band_gap"
        XCTAssertThrowsError(try Curator.clean(spec: spec, store: store, toolVersion: "test")) { error in
            XCTAssertTrue("\(error)".contains("no observations of \"band_gap\""), "\(error)")
        }
        XCTAssertEqual(try store.curationRuns().count, 0, "the transaction rolled back")
    }

    func testGroupsOutOfOrderAreRefused() throws {
        var buffer = DedupGroupBuffer()
        let input = { (key: String) in
            CurationInput(observationId: 1, sourceKind: "k", sourceName: "n", canonicalKey: key, reducedFormula: key, chemicalSystem: key,
                          elementCount: 1, formulaAsWritten: key, value: 1, unit: nil, qualifier: "exact", conditionsJSON: nil)
        }
        var seen: [String] = []
        try buffer.add(input("B"), key: "B") { key, _ in seen.append(key) }
        try buffer.add(input("B"), key: "B x") { key, _ in seen.append(key) }
        try buffer.add(input("C"), key: "C") { key, _ in seen.append(key) }
        XCTAssertEqual(seen, ["B", "B x"])
        try buffer.add(input("A"), key: "A") { key, _ in seen.append(key) }
        XCTAssertEqual(seen, ["B", "B x", "C"])
        XCTAssertThrowsError(try buffer.flush { key, _ in seen.append(key) }, "A after C is an ordering bug") { error in
            XCTAssertTrue("\(error)".contains("out of order (C before A)"), "\(error)")
        }
        XCTAssertEqual(seen, ["B", "B x", "C"])
    }
}
