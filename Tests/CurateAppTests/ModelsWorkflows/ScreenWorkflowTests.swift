import XCTest
@testable import CurateApp

/// `curate screen` as a library call: a tiny Wren ensemble trained on aviary's Wren examples
/// screens the same structures against the hull of their own formation energies.
final class ScreenWorkflowTests: XCTestCase {
    func testScreeningAgainstTheExamplesOwnHull() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let examples = try ModelWorkflowFixtures.wrenCSV()
        let model = folder.appendingPathComponent("wren").path
        var request = TrainingRequest(data: examples, out: model, epochs: 2, ensemble: 2)
        (request.target, request.idColumn, request.embedding, request.size, request.batchSize) = ("E_f", "material_id", "onehot", "tiny", 16)
        _ = try ModelTraining.wren(request)

        // Candidates: id, protostructure and the true formation energy; the hull: composition, energy.
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

        let result = try ScreenWorkflow.screen(model: model, candidates: candidatesPath, hullFrom: hullPath)
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
        XCTAssertThrowsError(try ScreenWorkflow.screen(model: model, candidates: hullPath, hullFrom: hullPath)) { error in
            XCTAssertTrue(String(describing: error).contains("protostructure"), "\(error)")
        }
    }
}
