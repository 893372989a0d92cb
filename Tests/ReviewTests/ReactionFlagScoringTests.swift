import XCTest
@testable import Review

/// The reaction flag score and the predictions file contract.
final class ReactionFlagScoringTests: XCTestCase {
    private func record(_ id: String, split: String = "train", predicted: [String: Double], observed: [String: Double]?,
                        uncertainty: Double, embedding: [Float]) -> ReactionPredictionRecord {
        ReactionPredictionRecord(id: id, composition: id, doi: "10.1/\(id)", split: split, precursors: ["Li2CO3", "CoO"],
                                 actions: ["heating"], predicted: predicted, observed: observed, l1: nil, elemd: nil,
                                 uncertainty: uncertainty, embedding: embedding)
    }

    func testConfidentWrongRecordWithSimilarNeighboursRanksFirst() throws {
        let good: [String: Double] = ["Li": 0.25, "Co": 0.25, "O": 0.5]
        var records = (0..<20).map { i in
            record("train\(i)", predicted: good, observed: good, uncertainty: 0.02 + 0.001 * Double(i), embedding: [1, 0, 0.01 * Float(i)])
        }
        // Confidently wrong, close to the training reactions: the thesis's suspicious record.
        records.append(record("suspect", split: "test", predicted: good, observed: ["Li": 0.5, "Co": 0.5], uncertainty: 0.02, embedding: [1, 0, 0.05]))
        // Equally wrong, but the model knew it was unsure.
        records.append(record("unsure", split: "test", predicted: good, observed: ["Li": 0.5, "Co": 0.5], uncertainty: 0.4, embedding: [1, 0, 0.06]))
        // Equally wrong and confident, but unlike anything in training (orthogonal embedding).
        records.append(record("novel", split: "test", predicted: good, observed: ["Li": 0.5, "Co": 0.5], uncertainty: 0.02, embedding: [0, 1, 0]))
        // Unlabelled rows are not scored.
        records.append(record("unlabelled", split: "test", predicted: good, observed: nil, uncertainty: 0.02, embedding: [1, 0, 0]))

        let ranked = try ReactionFlagScoring.score(records, options: .init(neighbours: 3))
        XCTAssertEqual(ranked.count, 23)
        XCTAssertEqual(ranked.first?.record.id, "suspect")
        let position = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1.record.id, $0) })
        XCTAssertLessThan(position["suspect"] ?? 99, position["unsure"] ?? 0)
        XCTAssertLessThan(position["suspect"] ?? 99, position["novel"] ?? 0)
        let suspect = try XCTUnwrap(ranked.first)
        XCTAssertEqual(suspect.error, 1.0, accuracy: 1e-12)
        XCTAssertEqual(suspect.neighbours.count, 3)
        XCTAssertTrue(suspect.neighbours.allSatisfy { $0.id.hasPrefix("train") }, "neighbours come from the training split")
        XCTAssertGreaterThan(suspect.meanNeighbourSimilarity, 0.99)
        XCTAssertEqual(suspect.neighbourDisagreement ?? 0, 1.0, accuracy: 1e-9)
        XCTAssertEqual(ranked.first { $0.record.id == "novel" }?.meanNeighbourSimilarity ?? 1, 0, accuracy: 1e-6)
    }

    func testPercentileRanksAverageTies() {
        XCTAssertEqual(ReactionFlagScoring.percentileRanks([3, 1, 2, 2]), [1, 0, 0.5, 0.5])
        XCTAssertEqual(ReactionFlagScoring.percentileRanks([5]), [0])
        XCTAssertEqual(ReactionFlagScoring.median([4, 1, 3]), 3)
        XCTAssertEqual(ReactionFlagScoring.median([4, 1, 3, 2]), 2.5)
    }

    func testPredictionFileReportsLineAndField() throws {
        let good = #"{"id":"a","composition":"LiCoO2","doi":"","split":"test","precursors":["Li2CO3"],"actions":[],"predicted":{"Li":1},"observed":{"Li":1},"uncertainty":0.1,"embedding":[1,2]}"#
        XCTAssertEqual(try ReactionPredictionFile.parse(good + "\n\n", path: "p").count, 1)
        let missing = good.replacingOccurrences(of: #","uncertainty":0.1"#, with: "")
        XCTAssertThrowsError(try ReactionPredictionFile.parse(good + "\n" + missing, path: "p.jsonl")) {
            XCTAssertEqual($0 as? ReviewError, .invalidLine(path: "p.jsonl", line: 2, field: "uncertainty", reason: "missing"))
        }
        let shorter = good.replacingOccurrences(of: #""id":"a""#, with: #""id":"b""#).replacingOccurrences(of: "[1,2]", with: "[1]")
        XCTAssertThrowsError(try ReactionPredictionFile.parse(good + "\n" + shorter, path: "p")) {
            XCTAssertEqual($0 as? ReviewError, .invalidLine(path: "p", line: 2, field: "embedding", reason: "1 values; earlier lines have 2"))
        }
        XCTAssertThrowsError(try ReactionPredictionFile.parse(good + "\n" + good, path: "p")) {
            XCTAssertEqual($0 as? ReviewError, .invalidLine(path: "p", line: 2, field: "id", reason: "a repeats line 1"))
        }
        XCTAssertThrowsError(try ReactionPredictionFile.parse("\n", path: "p")) { XCTAssertEqual($0 as? ReviewError, .empty(what: "p holds no predictions")) }
        XCTAssertThrowsError(try ReactionPredictionFile.load(path: "/nonexistent/p.jsonl")) {
            XCTAssertEqual($0 as? ReviewError, .unreadable(path: "/nonexistent/p.jsonl", reason: "no such file"))
        }
    }
}
