import XCTest
@testable import Models

final class EnsembleTests: XCTestCase {
    func testEnsembleStandardDeviations() {
        let p = EnsemblePrediction(memberMeans: [1, 2, 3], memberStandardDeviations: [1, 2, 2])
        XCTAssertEqual(p.mean, 2, accuracy: 1e-12)
        XCTAssertEqual(p.epistemicStandardDeviation, (2.0 / 3).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(p.aleatoricStandardDeviation, 3.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(p.totalStandardDeviation, (2.0 / 3 + 3).squareRoot(), accuracy: 1e-12)
        let single = EnsemblePrediction(memberMeans: [5], memberStandardDeviations: [0.5])
        XCTAssertEqual(single.epistemicStandardDeviation, 0)
        XCTAssertEqual(single.totalStandardDeviation, 0.5, accuracy: 1e-12)
    }

    func testPredictionJSONKeys() throws {
        let p = EnsemblePrediction(memberMeans: [1, 3], memberStandardDeviations: [1, 1])
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(p)) as? [String: Double]
        XCTAssertEqual(object?["mean"], 2)
        XCTAssertEqual(object?["epistemic_std"], 1)
        XCTAssertEqual(object?["aleatoric_std"], 1)
        XCTAssertEqual(object?["total_std"] ?? 0, 2.0.squareRoot(), accuracy: 1e-12)
    }

    func testTargetNormalisationRoundTrip() {
        let n = TargetNormalisation(fitting: [1, 2, 3, 4])
        XCTAssertEqual(n.mean, 2.5)
        XCTAssertEqual(n.standardDeviation, 1.25.squareRoot(), accuracy: 1e-12)
        for y in [-3.5, 0, 2.5, 10] {
            XCTAssertEqual(n.denormalise(n.normalise(y)), y, accuracy: 1e-12)
        }
        XCTAssertEqual(n.denormaliseStandardDeviation(1), n.standardDeviation)
        XCTAssertEqual(TargetNormalisation(fitting: [7, 7]).standardDeviation, 1)
    }

    func testRegressionMetricsAndConfidenceCurve() throws {
        // Errors 0…9; the uncertainty ranks them exactly, so dropping 10 % removes the worst.
        let targets = (0..<10).map(Double.init)
        let predictions = targets.enumerated().map { $1 + Double($0) }
        let metrics = RegressionMetrics(predictions: predictions, targets: targets, uncertainties: targets)
        XCTAssertEqual(metrics.mae, 4.5, accuracy: 1e-12)
        XCTAssertEqual(metrics.rmse, (285.0 / 10).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(metrics.r2), 1 - 285.0 / 82.5, accuracy: 1e-12)
        XCTAssertEqual(metrics.confidenceCurve.map(\.droppedPercent), Array(stride(from: 0, through: 90, by: 10)))
        XCTAssertEqual(metrics.confidenceCurve[1].count, 9)
        XCTAssertEqual(metrics.confidenceCurve[1].mae, 4, accuracy: 1e-12)
        XCTAssertEqual(metrics.confidenceCurve[9].mae, 0, accuracy: 1e-12)
        XCTAssertEqual(metrics.confidenceCurve.map(\.mae), metrics.confidenceCurve.map(\.oracleMAE))
    }
}
