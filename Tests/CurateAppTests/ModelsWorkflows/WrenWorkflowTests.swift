import XCTest
@testable import CurateApp
import Models

/// `curate train wren`, `predict-wren`, `evaluate` as library calls on aviary's Wren examples.
final class WrenWorkflowTests: XCTestCase {
    func testTrainPredictEvaluate() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let csv = try ModelWorkflowFixtures.wrenCSV()
        let out = folder.appendingPathComponent("wren").path
        var request = TrainingRequest(data: csv, out: out, epochs: 2, ensemble: 2)
        (request.target, request.idColumn, request.embedding, request.size, request.batchSize) = ("E_f", "material_id", "onehot", "tiny", 16)
        let summary = try ModelTraining.wren(request)
        XCTAssertEqual(summary.model, "wren")
        XCTAssertEqual(summary.rows, 68)
        XCTAssertEqual(summary.bestEpoch.count, 2)

        var predict = PredictionRequest(model: out, data: csv)
        predict.idColumn = "material_id"
        guard case .regression(let rows) = try ModelPrediction.predict(predict) else { return XCTFail("not regression rows") }
        XCTAssertEqual(rows.count, 68)
        XCTAssertEqual(rows[0].id, "c07b988125b3a0adc329b2449eeaac24c9e7def8")
        XCTAssertEqual(rows[0].input, "A_hP2_194_c:Hf")
        XCTAssertEqual(rows[0].inputName, "protostructure")

        var evaluate = PredictionRequest(model: out, data: csv)
        (evaluate.target, evaluate.idColumn) = ("E_f", "material_id")
        guard case .regression(let metrics) = try ModelPrediction.evaluate(evaluate) else { return XCTFail("not regression metrics") }
        XCTAssertEqual(metrics.count, 68)
        let direct = rows.map(\.prediction.mean)
        let ensemble = try WrenEnsemble.load(from: out)
        XCTAssertEqual(try ensemble.predict(try WrenDataset.load(path: csv, columns: .init(id: "material_id"), elements: .oneHot)).map(\.mean), direct)
    }

    func testRoostDirectoryIsNotAWrenModel() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let csv = try ModelWorkflowFixtures.oqmdCSV(rows: 20, in: folder)
        let out = folder.appendingPathComponent("roost").path
        var request = TrainingRequest(data: csv, out: out, epochs: 1, ensemble: 1)
        (request.target, request.embedding, request.size) = ("target", "onehot", "tiny")
        _ = try ModelTraining.roost(request)
        XCTAssertThrowsError(try WrenEnsemble.load(from: out)) { error in
            XCTAssertTrue("\(error)".contains("curate-roost-ensemble"), "\(error)")
        }
    }
}
