import Foundation
import XCTest
@testable import Review

/// The reaction queue's signals on hand-built predictions.
final class ReactionQueueSignalsTests: XCTestCase {
    private func record(_ id: String, _ composition: String, predicted: [String: Double], observed: [String: Double], split: String = "test") -> ReactionPredictionRecord {
        ReactionPredictionRecord(id: id, composition: composition, doi: "10.0/x", split: split, precursors: ["Li2CO3", "Fe2O3"], actions: [],
                                 predicted: predicted, observed: observed, l1: nil, elemd: nil, uncertainty: 0.1,
                                 embedding: id == "a" ? [1, 0] : [0.9, 0.1])
    }

    func testModelRulesAndChargeNeutrality() throws {
        let fine = ["Li": 0.25, "Fe": 0.25, "O": 0.5]
        let records = [
            record("a", "LiFeO2", predicted: fine, observed: fine, split: "train"),
            // A subscript read ×3: LiFeO6 has no neutral assignment (Li +1, Fe at most +3, O −2).
            record("b", "LiFeO6", predicted: fine, observed: ["Li": 0.125, "Fe": 0.125, "O": 0.75]),
            record("c", "LiFeO2", predicted: fine, observed: fine),
        ]
        let audit = ReactionBalanceAudit.Outcome(checked: 3, entries: [
            .init(id: "c", composition: "LiFeO2", precursors: ["Li2CO3", "Fe2O3", "MoO3"], split: "test", doi: "", actions: [],
                  target: fine, findings: [.init(rule: ReactionElementBalance.lostRule, elements: ["Mo"])]),
        ])
        let signals = try ReactionQueueSignals.signals(predictions: records, audit: audit)
        XCTAssertEqual(signals.map(\.name), ["model:reaction", "rule:target_element_unsupplied", "rule:precursor_element_lost",
                                             "rule:charge_neutrality"])
        XCTAssertEqual(Set(signals[3].scores.keys), ["b"])
        XCTAssertTrue(signals[3].reasons["b"]?.contains("LiFeO6") == true)
        XCTAssertEqual(Set(signals[2].scores.keys), ["c"])
        XCTAssertTrue(signals[1].scores.isEmpty)
        XCTAssertGreaterThan(signals[0].scores["b"] ?? 0, signals[0].scores["c"] ?? 1)
        let queue = try ReviewQueue.rank(population: ["b", "c"], signals: signals)
        XCTAssertEqual(queue.first?.subject, "b")
        // Without the similarity term no neighbour search is needed: the score is L1 / (u + ũ).
        let plain = try ReactionQueueSignals.signals(predictions: records, audit: audit, options: .init(similarityTerm: false))
        let error = try XCTUnwrap(records[1].error)
        XCTAssertEqual(try XCTUnwrap(plain[0].scores["b"]), error / (0.1 + 0.1), accuracy: 1e-12)
        XCTAssertEqual(plain[0].scores["c"], 0)
        XCTAssertEqual(plain.map(\.name), signals.map(\.name))
    }
}
