import Foundation
import XCTest
@testable import Review

/// The merged review queue on a hand-built example whose ranking is worked out by hand.
final class ReviewQueueTests: XCTestCase {
    /// Ten records a…j; the model scores them 9, 8, …, 0 (a highest), a rule fires on c and d.
    ///
    /// Model tails: a 1/10 (weight 1), b 2/10 (0.699), c 3/10 (0.523), d 4/10 (0.398), …, j 0 (not raised).
    /// Rule tail: 2/10 (0.699) for c and d. Scores: c 1.222, d 1.097, a 1, b 0.699, e 0.301, …
    func testRanksByRaritySummedOverSignals() throws {
        let population = (0..<10).map { String(UnicodeScalar(UInt8(97 + $0))) }
        var modelScores: [String: Double] = [:]
        for (index, subject) in population.enumerated() { modelScores[subject] = Double(9 - index) }
        let model = ReviewQueue.Signal(name: "model:tc", scores: modelScores, reasons: ["c": "z 7"])
        let rule = ReviewQueue.Signal(name: "rule:charge_neutrality", scores: ["c": 1, "d": 1, "outsider": 1], reasons: ["c": "no balance"])
        let queue = try ReviewQueue.rank(population: population, signals: [model, rule])
        XCTAssertEqual(queue.map(\.subject), ["c", "d", "a", "b", "e", "f", "g", "h", "i"])
        XCTAssertEqual(queue[0].score, log10(10.0 / 3) + log10(10.0 / 2), accuracy: 1e-12)
        XCTAssertEqual(queue[1].score, log10(10.0 / 4) + log10(10.0 / 2), accuracy: 1e-12)
        XCTAssertEqual(queue[2].score, 1, accuracy: 1e-12)
        // Contributions: largest weight first, with their reasons and tails.
        XCTAssertEqual(queue[0].contributions.map(\.signal), ["rule:charge_neutrality", "model:tc"])
        XCTAssertEqual(queue[0].contributions[0].tail, 0.2, accuracy: 1e-12)
        XCTAssertEqual(queue[0].contributions[0].reason, "no balance")
        XCTAssertEqual(queue[0].contributions[1].reason, "z 7")
        XCTAssertEqual(queue[0].contributions[1].raw, 7)
        // j has a model score of 0 (not raised) and no rule finding: not queued. The outsider is not in the population.
        XCTAssertFalse(queue.contains { $0.subject == "j" || $0.subject == "outsider" })
        // Without the rule, the model's order.
        let modelOnly = try ReviewQueue.rank(population: population, signals: [model, rule], keeping: ["model:tc"])
        XCTAssertEqual(modelOnly.map(\.subject), ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
    }

    func testTiesShareTheirTailAndSortById() throws {
        let signal = ReviewQueue.Signal(name: "rule:x", scores: ["b": 1, "a": 1, "c": 0.5])
        let queue = try ReviewQueue.rank(population: ["a", "b", "c", "d"], signals: [signal])
        XCTAssertEqual(queue.map(\.subject), ["a", "b", "c"])
        XCTAssertEqual(queue[0].contributions[0].tail, 0.5)
        XCTAssertEqual(queue[2].contributions[0].tail, 0.75)
    }

    func testRejectsAnEmptyOrDuplicatedPopulation() {
        XCTAssertThrowsError(try ReviewQueue.rank(population: [], signals: []))
        XCTAssertThrowsError(try ReviewQueue.rank(population: ["a", "a"], signals: [])) {
            XCTAssertEqual($0 as? ReviewError, .invalidArgument(name: "population", reason: "1 duplicate subject id(s)"))
        }
    }
}
