import XCTest
@testable import CurateApp
import Models

/// `curate flag properties` as a library call: a tiny Roost ensemble trained on real OQMD rows
/// scores the same rows ingested into a store, and the rows it disagrees with become flags.
final class PropertyFlagWorkflowTests: XCTestCase {
    func testFlagsAreTheObservationsFarthestFromTheEnsemble() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let csv = try ModelWorkflowFixtures.oqmdCSV(rows: 60, in: folder)
        let model = folder.appendingPathComponent("roost").path
        var request = TrainingRequest(data: csv, out: model, epochs: 3, ensemble: 2)
        (request.target, request.embedding, request.size, request.batchSize, request.learningRate) = ("target", "onehot", "tiny", 16, 3e-3)
        _ = try ModelTraining.roost(request)
        let store = folder.appendingPathComponent("s.sqlite").path
        let ingested = try IngestWorkflow.run(kind: "oqmd", path: csv, storePath: store)
        XCTAssertEqual(ingested.stored, 60)

        let summary = try FlagRaising.properties(model: model, property: "formation_energy_per_atom", storePath: store, options: .init(threshold: 0.5, top: 20))
        XCTAssertEqual(summary.property, "formation_energy_per_atom")
        XCTAssertEqual(summary.observations, 60)
        XCTAssertEqual(summary.scored, 60)
        XCTAssertFalse(summary.flags.isEmpty, "a 3-epoch model disagrees with some rows by more than 0.5 σ")
        XCTAssertLessThanOrEqual(summary.flags.count, 20)
        XCTAssertEqual(summary.flags.map(\.z), summary.flags.map(\.z).sorted(by: >), "highest z first")
        for flag in summary.flags {
            XCTAssertGreaterThan(flag.z, 0.5)
            XCTAssertEqual(flag.z, abs(flag.observed - flag.predicted) / flag.totalStd, accuracy: 1e-9)
        }
        // The predictions are the ensemble's own, as `curate predict` gives them (the store keeps
        // the composition as parsed, so fractions may differ from the CSV text in the last digit).
        var predict = PredictionRequest(model: model, data: csv)
        predict.inputColumn = "composition"
        guard case .regression(let rows) = try ModelPrediction.predict(predict) else { return XCTFail("not regression rows") }
        let predicted = rows.map(\.prediction.mean)
        for flag in summary.flags {
            XCTAssertLessThan(predicted.map { abs($0 - flag.predicted) }.min() ?? .infinity, 1e-3, flag.formula)
        }
    }
}
