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

/// Weights learnt from planted errors: likelihood ratios, monotone in rarity.
final class QueueCalibrationTests: XCTestCase {
    /// 20 records, 4 planted (p0…p3). A rule fires on 3 planted and 1 clean record: LR of firing
    /// (3.5/5)/(1.5/17), of not firing (1.5/5)/(15.5/17). A rule that fires on 1 of 4 planted and
    /// 4 of 16 clean carries next to no evidence (only the ½ smoothing separates it from 0).
    func testBinaryRuleWeightsAreLogLikelihoodRatios() throws {
        let planted = (0..<4).map { "p\($0)" }, clean = (0..<16).map { "c\($0)" }
        let population = planted + clean
        let sharp = ReviewQueue.Signal(name: "rule:sharp", scores: ["p0": 1, "p1": 1, "p2": 1, "c0": 1])
        let blunt = ReviewQueue.Signal(name: "rule:blunt", scores: ["p3": 1, "c1": 1, "c2": 1, "c3": 1, "c4": 1])
        let calibration = try QueueCalibration.fit(population: population, signals: [sharp, blunt], planted: Set(planted))
        XCTAssertEqual(calibration.planted, 4)
        XCTAssertEqual(calibration.clean, 16)
        let expected = log10((3.5 / 5) / (1.5 / 17)) - log10((1.5 / 5) / (15.5 / 17))
        XCTAssertEqual(try XCTUnwrap(calibration.weight(signal: "rule:sharp", tail: 0.2)), expected, accuracy: 1e-12)
        let blunted = log10((1.5 / 5) / (4.5 / 17)) - log10((3.5 / 5) / (12.5 / 17))
        XCTAssertEqual(try XCTUnwrap(calibration.weight(signal: "rule:blunt", tail: 0.25)), blunted, accuracy: 1e-12)
        XCTAssertLessThan(abs(blunted), 0.1)
        XCTAssertNil(calibration.weight(signal: "rule:other", tail: 0.1))
        // The queue uses the calibrated weights: the blunt rule no longer lifts c1…c4 above anyone.
        let queue = try ReviewQueue.rank(population: population, signals: [sharp, blunt], calibration: calibration)
        XCTAssertEqual(Set(queue.prefix(4).map(\.subject)), ["p0", "p1", "p2", "c0"])
        XCTAssertThrowsError(try QueueCalibration.fit(population: clean, signals: [sharp], planted: Set(planted)))
    }

    func testGradedWeightsAreMonotoneAndInterpolated() throws {
        // Pool adjacent violators: 1, 3 (a violation) pool to 2, 2 (equal weights).
        XCTAssertEqual(QueueCalibration.nonIncreasing([1, 3, 0], counts: [1, 1, 1]), [2, 2, 0])
        XCTAssertEqual(QueueCalibration.nonIncreasing([5, 3, 4, 1], counts: [1, 3, 1, 1]), [5, 3.25, 3.25, 1])
        // 1,000 records scored 1…1000; the 10 planted records hold the top scores.
        let population = (0..<1000).map { "r\($0)" }
        var scores: [String: Double] = [:]
        for (index, subject) in population.enumerated() { scores[subject] = Double(index + 1) }
        let signal = ReviewQueue.Signal(name: "model:x", scores: scores)
        let planted = Set((990..<1000).map { "r\($0)" })
        let calibration = try QueueCalibration.fit(population: population, signals: [signal], planted: planted)
        let weights = try XCTUnwrap(calibration.signals.first).weights
        XCTAssertEqual(weights, weights.sorted(by: >))
        // Between bin centres the weight moves linearly in log tail; rarer is never weaker.
        let tails = [0.0005, 0.001, 0.003, 0.01, 0.03, 0.1, 0.5, 1.0]
        let mapped = tails.compactMap { calibration.weight(signal: "model:x", tail: $0) }
        XCTAssertEqual(mapped.count, tails.count)
        XCTAssertEqual(mapped, mapped.sorted(by: >))
        XCTAssertGreaterThan(mapped[0], mapped[1], "rarity breaks ties beyond the outer centre")
        let queue = try ReviewQueue.rank(population: population, signals: [signal], calibration: calibration)
        XCTAssertEqual(Set(queue.prefix(10).map(\.subject)), planted)
    }
}
