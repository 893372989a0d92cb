import XCTest
@testable import CurateApp
import Models

/// `curate train reaction`, `predict reaction`, `evaluate` as library calls on a small release.
final class ReactionWorkflowTests: XCTestCase {
    func testTrainPredictEvaluate() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let release = try ModelWorkflowFixtures.reactionRelease(in: folder)
        let out = folder.appendingPathComponent("reaction").path
        var request = TrainingRequest(data: release, out: out, epochs: 2, ensemble: 2)
        (request.size, request.encoderEpochs, request.batchSize, request.validationFraction) = ("tiny", 2, 4, 0.2)
        let summary = try ModelTraining.reaction(request)
        XCTAssertEqual(summary.model, "reaction")
        XCTAssertEqual(summary.rows, 10)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/action-encoder.safetensors"))
        let log = try String(contentsOfFile: out + "/member-1/log.csv", encoding: .utf8)
        XCTAssertTrue(log.hasPrefix("epoch,train_loss,train_bce,train_l1,val_loss,val_subset_accuracy,val_l1,seconds,train_seconds\n"))
        let ensemble = try ReactionEnsemble.load(from: out)
        XCTAssertEqual(ensemble.members.map(\.metadata.seed), [1, 2], "member k uses seed + 1 + k")

        guard case .reaction(let predictions, let evaluation) = try ModelPrediction.predict(PredictionRequest(model: out, data: release)) else {
            return XCTFail("not reaction predictions")
        }
        XCTAssertEqual(predictions.map(\.id), ["r11", "r12"])
        XCTAssertEqual(evaluation?.model.count, 2)
        guard case .reaction(let scored) = try ModelPrediction.evaluate(PredictionRequest(model: out, data: release)) else {
            return XCTFail("not a reaction evaluation")
        }
        // Equal up to summation order (ReactionMetrics sums over Sets, whose order is not fixed).
        XCTAssertEqual(scored.model.count, evaluation?.model.count)
        XCTAssertEqual(scored.model.subsetAccuracy, evaluation?.model.subsetAccuracy)
        XCTAssertEqual(scored.model.meanL1, evaluation?.model.meanL1 ?? .nan, accuracy: 1e-12)
        XCTAssertEqual(scored.nullBaseline.meanL1, evaluation?.nullBaseline.meanL1 ?? .nan, accuracy: 1e-12)
    }
}
