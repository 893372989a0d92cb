import XCTest
@testable import CurateApp

/// `curate screen` as a library call: tiny Wren and Roost ensembles trained on aviary's Wren
/// examples screen the same structures against the hull of their own formation energies.
final class ScreenWorkflowTests: XCTestCase {
    /// Candidates (id, protostructure, true formation energy) and the hull table (composition,
    /// energy) written from aviary's 68 Wren examples.
    private func candidateFiles(in folder: URL) throws -> (candidates: String, hull: String) {
        let examples = try ModelWorkflowFixtures.wrenCSV()
        let lines = try String(contentsOfFile: examples, encoding: .utf8).split(separator: "\n").dropFirst()
        var candidates = "id,protostructure,formation_energy_per_atom\n", hull = "composition,formation_energy_per_atom\n"
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            candidates += "\(fields[0]),\(fields[3]),\(fields[2])\n"
            hull += "\(fields[1]),\(fields[2])\n"
        }
        let candidatesPath = folder.appendingPathComponent("candidates.csv").path
        let hullPath = folder.appendingPathComponent("hull.csv").path
        try candidates.write(toFile: candidatesPath, atomically: true, encoding: .utf8)
        try hull.write(toFile: hullPath, atomically: true, encoding: .utf8)
        return (candidatesPath, hullPath)
    }

    private func trainingRequest(out: String) throws -> TrainingRequest {
        var request = TrainingRequest(data: try ModelWorkflowFixtures.wrenCSV(), out: out, epochs: 2, ensemble: 2)
        (request.target, request.idColumn, request.embedding, request.size, request.batchSize) = ("E_f", "material_id", "onehot", "tiny", 16)
        return request
    }

    func testScreeningAgainstTheExamplesOwnHull() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let model = folder.appendingPathComponent("wren").path
        _ = try ModelTraining.wren(try trainingRequest(out: model))
        let (candidatesPath, hullPath) = try candidateFiles(in: folder)

        let result = try ScreenWorkflow.screen(model: model, candidates: candidatesPath, hullFrom: hullPath)
        XCTAssertEqual(result.summary.model, "wren")
        XCTAssertEqual(result.summary.candidates, 68)
        XCTAssertEqual(result.rows.count, 68)
        XCTAssertEqual(result.summary.selected, result.rows.filter(\.selected).count)
        XCTAssertEqual(result.summary.selectedShare, Double(result.summary.selected) / 68, accuracy: 1e-12)
        XCTAssertNotNil(result.summary.metrics, "true formation energies were given")
        for row in result.rows {
            XCTAssertEqual(row.predictedEnergyAboveHull, row.predictedFormationEnergy - row.hullEnergy, accuracy: 1e-9, row.id)
            XCTAssertEqual(row.selected, row.predictedEnergyAboveHull < 0, row.id)
            // Every candidate is on (or above) its own hull: the true distance is never negative.
            XCTAssertGreaterThanOrEqual(row.trueEnergyAboveHull ?? -1, -1e-9, row.id)
        }
        // Polymorphs of one composition get different energies from Wren (it reads the label).
        let byComposition = Dictionary(grouping: result.rows, by: \.composition)
        XCTAssertTrue(byComposition.values.contains { rows in
            let energies = rows.map(\.predictedFormationEnergy)
            return (energies.max() ?? 0) - (energies.min() ?? 0) > 1e-3
        })
        XCTAssertThrowsError(try ScreenWorkflow.screen(model: model, candidates: hullPath, hullFrom: hullPath)) { error in
            XCTAssertTrue(String(describing: error).contains("protostructure"), "\(error)")
        }
    }

    /// A Roost model screens the same candidates from their compositions alone: every polymorph of
    /// a composition gets one energy, equal to `curate predict` on that composition.
    func testRoostScreensFromTheCompositionAlone() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let model = folder.appendingPathComponent("roost").path
        var request = try trainingRequest(out: model)
        request.inputColumn = "composition"
        _ = try ModelTraining.roost(request)
        let (candidatesPath, hullPath) = try candidateFiles(in: folder)

        let result = try ScreenWorkflow.screen(model: model, candidates: candidatesPath, hullFrom: hullPath)
        XCTAssertEqual(result.summary.model, "roost")
        XCTAssertEqual(result.rows.count, 68)
        let byComposition = Dictionary(grouping: result.rows, by: \.composition)
        XCTAssertTrue(byComposition.values.contains { $0.count > 1 }, "the examples hold polymorphs")
        for (composition, rows) in byComposition {
            // Equal up to the float rounding of a row's place in its BLAS batch.
            let energies = rows.map(\.predictedFormationEnergy)
            XCTAssertLessThan((energies.max() ?? 0) - (energies.min() ?? 0), 1e-5, composition)
        }

        var predict = PredictionRequest(model: model, data: hullPath)
        predict.inputColumn = "composition"
        guard case .regression(let predicted) = try ModelPrediction.predict(predict) else { return XCTFail("not regression rows") }
        for (row, expected) in zip(result.rows, predicted) {
            XCTAssertEqual(row.predictedFormationEnergy, expected.prediction.mean, accuracy: 1e-6, row.id)
            XCTAssertEqual(row.standardDeviation, expected.prediction.totalStandardDeviation, accuracy: 1e-6, row.id)
        }
    }
}
