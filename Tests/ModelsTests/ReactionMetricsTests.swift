import XCTest
@testable import Models

/// The reaction metrics, the null baseline and the confidence curve on hand-computed cases.
final class ReactionMetricsTests: XCTestCase {
    func testMetricsOnHandComputedVectors() {
        // Reaction 1: right set, fractions off by 0.1 on two elements. Reaction 2: one extra element.
        let observed: [[Int: Double]] = [[3: 0.5, 8: 0.5], [11: 0.25, 8: 0.75]]
        let predicted: [[Int: Double]] = [[3: 0.4, 8: 0.6], [11: 0.25, 8: 0.5, 6: 0.25]]
        let m = ReactionMetrics(predicted: predicted, observed: observed)
        XCTAssertEqual(m.count, 2)
        XCTAssertEqual(m.subsetAccuracy, 0.5)
        XCTAssertEqual(m.meanL1, (0.2 + 0.5) / 2, accuracy: 1e-12)
        XCTAssertEqual(m.meanL2, ((0.02).squareRoot() + (0.125).squareRoot()) / 2, accuracy: 1e-12)
        // Every observed element is found (recall 1); only C is a false positive, with no support.
        XCTAssertEqual(m.weightedF1, 1, accuracy: 1e-12)
        // Entries (p, o): (.4,.5) (.6,.5) (.25,.25) (.5,.75) (.25,0); ō = 0.4.
        let residual = 0.01 + 0.01 + 0 + 0.0625 + 0.0625
        let total = 0.01 + 0.01 + 0.0225 + 0.1225 + 0.16
        XCTAssertEqual(m.r2, 1 - residual / total, accuracy: 1e-12)
        XCTAssertGreaterThan(m.meanEleMD, 0)
        XCTAssertEqual(ReactionMetrics.eleMD([3: 0.5, 8: 0.5], [3: 0.5, 8: 0.5]) ?? -1, 0, accuracy: 1e-12)
    }

    func testMissedElementLowersF1() {
        let m = ReactionMetrics(predicted: [[8: 1]], observed: [[8: 0.5, 3: 0.5]])
        // O: F1 1 (support 1); Li: F1 0 (support 1).
        XCTAssertEqual(m.weightedF1, 0.5, accuracy: 1e-12)
        XCTAssertEqual(m.subsetAccuracy, 0)
    }

    func testNullBaselineUsesAverageTrainingAmounts() throws {
        let samples = try ReactionFixtures.samples()
        let baseline = NullBaseline(fitting: Array(samples.prefix(10)))
        // Li appears in r01 (1/3), r05 (1/4), r08 (3/8).
        XCTAssertEqual(try XCTUnwrap(baseline.averageFractions["Li"]), (1.0 / 3 + 0.25 + 0.375) / 3, accuracy: 1e-12)
        let prediction = baseline.predict(samples[10])  // Li2CO3 + SiO2: Li, C, O, Si all present.
        XCTAssertEqual(prediction.keys.sorted(), [3, 6, 8, 14])
        XCTAssertEqual(prediction.values.reduce(0, +), 1, accuracy: 1e-12)
        let li = try XCTUnwrap(baseline.averageFractions["Li"]), o = try XCTUnwrap(baseline.averageFractions["O"])
        let si = try XCTUnwrap(baseline.averageFractions["Si"])
        XCTAssertNil(baseline.averageFractions["C"])
        XCTAssertEqual(prediction[6] ?? 0, baseline.fallback / (li + baseline.fallback + o + si), accuracy: 1e-12,
                       "C is in no training target: it gets the fallback amount")
    }

    func testConfidenceCurveRemovesTheMostUncertainFirst() {
        let curve = ConfidenceCurvePoint.curve(errors: [1, 2, 3, 4], uncertainties: [0.1, 0.4, 0.2, 0.3], steps: 2)
        XCTAssertEqual(curve.map(\.kept), [4, 2])
        XCTAssertEqual(curve[0].meanL1, 2.5)
        XCTAssertEqual(curve[1].meanL1, 2, "keeps errors 1 and 3 (uncertainties 0.1 and 0.2)")
    }

    /// The sums run in atomic-number order: two dictionaries with the same entries, built in
    /// different orders and capacities (so they iterate differently), score the same bits.
    func testSumsDoNotDependOnDictionaryIterationOrder() {
        let values: [(Int, Double)] = (1...40).map { ($0, 1.0 / Double($0 * 7 + 3)) }
        var ascending: [Int: Double] = [:]
        for (z, v) in values { ascending[z] = v }
        var descending = [Int: Double](minimumCapacity: 512)
        for (z, v) in values.reversed() { descending[z] = v }
        let observed = Dictionary(uniqueKeysWithValues: values.map { ($0.0, $0.1 * 0.9 + 0.001) })
        XCTAssertEqual(ReactionMetrics.l1(ascending, observed).bitPattern, ReactionMetrics.l1(descending, observed).bitPattern)
        XCTAssertEqual(ReactionMetrics.l2(ascending, observed).bitPattern, ReactionMetrics.l2(descending, observed).bitPattern)
        let a = ReactionMetrics(predicted: [ascending], observed: [observed])
        let b = ReactionMetrics(predicted: [descending], observed: [observed])
        XCTAssertEqual(a.r2.bitPattern, b.r2.bitPattern)
        XCTAssertEqual(a.meanL1.bitPattern, b.meanL1.bitPattern)
    }
}
