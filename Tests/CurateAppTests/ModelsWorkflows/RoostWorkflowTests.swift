import XCTest
@testable import CurateApp
import Models

/// `curate train roost`, `predict`, `evaluate` as library calls on real OQMD rows.
final class RoostWorkflowTests: XCTestCase {
    func testTrainPredictEvaluate() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let csv = try ModelWorkflowFixtures.oqmdCSV(rows: 60, in: folder)
        let out = folder.appendingPathComponent("roost").path
        var request = TrainingRequest(data: csv, out: out, epochs: 3, ensemble: 2)
        (request.target, request.embedding, request.size, request.batchSize, request.learningRate) = ("target", "onehot", "tiny", 16, 3e-3)
        let summary = try ModelTraining.roost(request)
        XCTAssertEqual(summary.model, "roost")
        XCTAssertEqual(summary.members, 2)
        XCTAssertEqual(summary.rows, 60)
        XCTAssertEqual(summary.bestValidationScore.count, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: StagedModelDirectory.stagingPath(for: out)), "staging renamed away")
        let log = try String(contentsOfFile: out + "/member-0/log.csv", encoding: .utf8)
        XCTAssertTrue(log.hasPrefix("epoch,train_loss,train_mae,val_loss,val_mae,seconds,train_seconds\n"))
        XCTAssertEqual(log.split(separator: "\n").count, 4)

        var predict = PredictionRequest(model: out, data: csv)
        predict.inputColumn = "composition"
        guard case .regression(let rows) = try ModelPrediction.predict(predict) else { return XCTFail("not regression rows") }
        XCTAssertEqual(rows.count, 60)
        XCTAssertEqual(rows[0].inputName, "composition")
        XCTAssertTrue(rows.allSatisfy { $0.prediction.mean.isFinite && $0.prediction.totalStandardDeviation > 0 })

        var evaluate = PredictionRequest(model: out, data: csv)
        evaluate.target = "target"
        guard case .regression(let metrics) = try ModelPrediction.evaluate(evaluate) else { return XCTFail("not regression metrics") }
        XCTAssertEqual(metrics.count, 60)
        let ensemble = try RoostEnsemble.load(from: out)
        let predictions = try ensemble.predict(try RoostDataset.load(path: csv, columns: .init(target: "target"), embedding: .oneHot))
        XCTAssertEqual(metrics.mae, RegressionMetrics(predictions: predictions.map(\.mean), targets: try RoostDataset.load(
            path: csv, columns: .init(target: "target"), embedding: .oneHot).compactMap(\.target),
            uncertainties: predictions.map(\.totalStandardDeviation)).mae)
    }

    func testMissingTargetColumnIsNamed() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let csv = try ModelWorkflowFixtures.oqmdCSV(rows: 10, in: folder)
        var request = TrainingRequest(data: csv, out: folder.appendingPathComponent("m").path, epochs: 1, ensemble: 1)
        (request.target, request.embedding) = ("band_gap", "onehot")
        XCTAssertThrowsError(try ModelTraining.roost(request)) { error in
            XCTAssertTrue("\(error)".contains("no column \"band_gap\""), "\(error)")
        }
    }
}
