import Discovery
import XCTest

final class ScreeningMetricsTests: XCTestCase {
    /// Ten hand-made samples; the expected counts are read off the table below by hand.
    ///   true  pred  σ     plain rule (pred < 0)   σ-adjusted (pred + σ < 0)
    ///   -0.10 -0.20 0.05  TP                      TP
    ///   -0.05 -0.01 0.05  TP                      FN
    ///   -0.02  0.03 0.01  FN                      FN
    ///    0.10 -0.04 0.01  FP                      FP
    ///    0.20 -0.01 0.10  FP                      TN
    ///    0.30  0.40 0.10  TN                      TN
    ///    0.05  0.10 0.02  TN                      TN
    ///   -0.30 -0.25 0.30  TP                      FN
    ///    0.00 -0.05 0.01  FP (0 is not below 0)   FP
    ///    0.15  0.20 0.05  TN                      TN
    let samples: [ScreeningSample] = [
        (-0.10, -0.20, 0.05), (-0.05, -0.01, 0.05), (-0.02, 0.03, 0.01), (0.10, -0.04, 0.01), (0.20, -0.01, 0.10),
        (0.30, 0.40, 0.10), (0.05, 0.10, 0.02), (-0.30, -0.25, 0.30), (0.00, -0.05, 0.01), (0.15, 0.20, 0.05),
    ].enumerated().map { ScreeningSample(id: "s\($0.offset)", trueEnergyAboveHull: $0.element.0,
                                         predictedEnergyAboveHull: $0.element.1, standardDeviation: $0.element.2) }

    func testPlainRuleCountsAndThesisDefinitions() throws {
        let m = ScreeningMetrics(samples: samples, rule: TriageRule())
        XCTAssertEqual([m.truePositives, m.falsePositives, m.trueNegatives, m.falseNegatives], [3, 3, 3, 1])
        XCTAssertEqual(try XCTUnwrap(m.precision), 3.0 / 6.0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.recall), 3.0 / 4.0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.prevalence), 4.0 / 10.0, accuracy: 1e-12)
        // DAF: precision / prevalence = 0.5 / 0.4.
        XCTAssertEqual(try XCTUnwrap(m.enrichment), 1.25, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.f1), 2 * 0.5 * 0.75 / (0.5 + 0.75), accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.accuracy), 0.6, accuracy: 1e-12)
    }

    func testUncertaintyAdjustedRule() throws {
        let m = ScreeningMetrics(samples: samples, rule: TriageRule(uncertaintyAdjusted: true))
        XCTAssertEqual([m.truePositives, m.falsePositives, m.trueNegatives, m.falseNegatives], [1, 2, 4, 3])
        XCTAssertEqual(try XCTUnwrap(m.precision), 1.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.enrichment), (1.0 / 3.0) / 0.4, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.recall), 0.25, accuracy: 1e-12)
    }

    func testThresholdMovesStabilityAndSelection() {
        // At a 0.12 eV/atom threshold: stable = true < 0.12 → 7 of 10; selected = pred < 0.12 → 8.
        let m = ScreeningMetrics(samples: samples, rule: TriageRule(threshold: 0.12))
        XCTAssertEqual(m.positives, 7)
        XCTAssertEqual(m.selected, 8)
    }

    /// A random pool with a known enrichment: a perfect oracle selects exactly the stable
    /// materials, so its precision is 1 and its enrichment is 1 / prevalence; a rule that
    /// ignores the truth (selects every other sample, unrelated to stability) has an
    /// enrichment near 1. Counts are derived here by explicit enumeration.
    func testSyntheticPoolEnrichmentEqualsPrecisionOverPrevalence() throws {
        var generator = SplitMix(seed: 7)
        var pool: [ScreeningSample] = []
        for index in 0..<2000 {
            let truth = generator.uniform() * 0.5 - 0.1        // 20 % below 0
            pool.append(ScreeningSample(id: "\(index)", trueEnergyAboveHull: truth, predictedEnergyAboveHull: truth))
        }
        let stable = pool.filter { $0.trueEnergyAboveHull < 0 }.count
        let oracle = ScreeningMetrics(samples: pool, rule: TriageRule())
        XCTAssertEqual(oracle.truePositives, stable)
        XCTAssertEqual(oracle.falsePositives + oracle.falseNegatives, 0)
        XCTAssertEqual(try XCTUnwrap(oracle.enrichment), Double(pool.count) / Double(stable), accuracy: 1e-12)

        let blind = pool.enumerated().map { index, s in
            ScreeningSample(id: s.id, trueEnergyAboveHull: s.trueEnergyAboveHull, predictedEnergyAboveHull: index % 2 == 0 ? -1 : 1)
        }
        let m = ScreeningMetrics(samples: blind, rule: TriageRule())
        let tp = blind.enumerated().filter { $0.offset % 2 == 0 && $0.element.trueEnergyAboveHull < 0 }.count
        XCTAssertEqual(m.truePositives, tp)
        let precision = Double(tp) / 1000, prevalence = Double(stable) / 2000
        XCTAssertEqual(try XCTUnwrap(m.enrichment), precision / prevalence, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(m.enrichment), 1, accuracy: 0.15)
    }

    func testUndefinedRatiosAreNil() {
        let none = ScreeningMetrics(samples: [ScreeningSample(id: "a", trueEnergyAboveHull: 0.1, predictedEnergyAboveHull: 0.2)], rule: TriageRule())
        XCTAssertNil(none.precision)
        XCTAssertNil(none.recall)
        XCTAssertNil(none.enrichment)
        XCTAssertEqual(none.prevalence, 0)
    }
}

/// A tiny seeded generator for reproducible synthetic pools.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
