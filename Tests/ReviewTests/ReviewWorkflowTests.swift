import Datasets
import Foundation
import Store
import XCTest
@testable import Review

/// The whole workflow on a store: flag from a predictions file, search similar reactions, decide,
/// report, export, and leave accepted reactions out of the next release built from the store.
final class ReviewWorkflowTests: XCTestCase {
    func testFlagSimilarDecideExport() throws {
        let clean = SyntheticReactions.release(count: 300, seed: 2)
        let planted = try PlantedErrors.plant(clean, path: "r", fraction: 0.05, seed: 4)
        let records = try SyntheticReactions.predict(planted.recordsText, seed: 9)
        let store = try CurateStore.inMemory()
        let producer = FlagProducer(modelPath: "", modelSHA256: "", inputSHA256: "feedface")
        let summary = try ReactionFlagging.run(records, producer: producer, store: store, options: .init(top: 5))
        XCTAssertEqual(summary.scored, 300)
        XCTAssertEqual(summary.embeddingsStored, 300)
        XCTAssertEqual(summary.recording.inserted, 5)
        XCTAssertEqual(summary.flags.map(\.score), summary.flags.map(\.score).sorted(by: >))
        let plantedIds = Set(planted.key.map(\.id))
        XCTAssertEqual(plantedIds.count, 3)
        XCTAssertTrue(plantedIds.isSubset(of: summary.flags.map(\.reactionId)), "\(summary.flags)")

        // Idempotent: the same file again adds nothing.
        let again = try ReactionFlagging.run(records, producer: producer, store: store, options: .init(top: 5))
        XCTAssertEqual(again.recording.inserted, 0)
        XCTAssertEqual(again.recording.refreshed, 5)
        XCTAssertEqual(try store.flags().count, 5)

        // Similarity search over the stored vectors: same alkali and metal first.
        let subject = try XCTUnwrap(records.first { $0.actions.count == 2 })
        let similar = try SimilaritySearch.similar(to: subject.id, top: 3, model: nil, store: store)
        XCTAssertEqual(similar.model, summary.embeddingModel)
        XCTAssertEqual(similar.searched, 299)
        XCTAssertEqual(similar.matches.count, 3)
        XCTAssertFalse(similar.matches.contains { $0.subject == subject.id })
        for match in similar.matches {
            XCTAssertGreaterThan(match.similarity, 0.95)
            XCTAssertEqual(records.first { $0.id == match.subject }?.precursors, subject.precursors)
        }
        XCTAssertThrowsError(try SimilaritySearch.similar(to: "nope", top: 3, model: nil, store: store))

        // A report a chemist can act on.
        let top = try XCTUnwrap(store.flags().first)
        let report = FlagReport.text(top)
        XCTAssertTrue(report.contains("https://doi.org/10.1000/synthetic."), report)
        XCTAssertTrue(report.contains("observed:"), report)
        XCTAssertTrue(report.contains("predicted:"), report)
        XCTAssertTrue(report.contains("nearest neighbours:"), report)
        XCTAssertEqual(report.components(separatedBy: "  → ").count, 1)
        XCTAssertEqual(report.components(separatedBy: " → ").count - 1, 5, "five neighbours, one line each:\n\(report)")

        try store.decideFlag(id: top.id, status: .accepted, note: "target mis-parsed")
        let csv = FlagExport.csv(try store.flags())
        XCTAssertEqual(csv.split(separator: "\n").count, 6)
        XCTAssertTrue(csv.contains(",accepted,\(top.subjectKey),"), csv)
        let jsonl = try FlagExport.jsonLines(try store.flags())
        let first = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data((jsonl.split(separator: "\n").first ?? "").utf8)) as? [String: Any])
        XCTAssertEqual(first["input_sha256"] as? String, "feedface")
        XCTAssertEqual(((first["evidence"] as? [String: Any])?["neighbours"] as? [Any])?.count, 5, "evidence is nested JSON")
        XCTAssertEqual(FlagExport.csv(try store.flags()), csv, "export is deterministic")
    }
}
