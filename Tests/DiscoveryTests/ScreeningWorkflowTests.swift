import Chemistry
import Discovery
import Foundation
import XCTest

final class ScreeningWorkflowTests: XCTestCase {
    /// Candidates as `curate screen` reads them, predictions given, hull from a reference CSV.
    /// Li2O at −2.0 is the only Li–O reference: by hand the hull is −2.0 at Li2O and −1.0 at
    /// LiO2 (halfway to O). The truth is given as formation energies.
    func testTriageAndMetricsThroughTheTables() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("discovery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let references = directory.appendingPathComponent("refs.csv").path
        try "task_id,composition,formation_energy_per_atom\nmp-1,Li2O,-2.0\nmp-2,NaCl,-2.1\n".write(toFile: references, atomically: true, encoding: .utf8)
        let candidates = directory.appendingPathComponent("cands.csv").path
        // Antifluorite Li2O (Li on 8c, O on 4a: Li8O4) and a made-up cubic LiO2 (Li 4a, O 8c).
        try """
            id,protostructure,formation_energy_per_atom
            a,A2B_cF12_225_c_a:Li-O,-2.1
            b,AB2_cF12_225_a_c:Li-O,-0.8
            """.write(toFile: candidates, atomically: true, encoding: .utf8)
        let rows = try ScreeningCandidateTable.load(path: candidates)
        XCTAssertEqual(rows.map(\.composition.reducedFormula), ["Li2O", "LiO2"])
        let report = try ScreeningWorkflow.run(candidates: rows, predictions: [(-2.05, 0.1), (-1.1, 0.05)],
                                               references: try ReferenceTable.load(path: references), rule: TriageRule())
        XCTAssertEqual(report.rows[0].hullEnergy, -2.0, accuracy: 1e-9)
        XCTAssertEqual(report.rows[1].hullEnergy, -1.0, accuracy: 1e-9)
        XCTAssertEqual(report.rows[0].predictedEnergyAboveHull, -0.05, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(report.rows[0].trueEnergyAboveHull), -0.1, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(report.rows[1].trueEnergyAboveHull), 0.2, accuracy: 1e-9)
        XCTAssertEqual(report.rows.map(\.selected), [true, true])
        let metrics = try XCTUnwrap(report.metrics)
        XCTAssertEqual([metrics.truePositives, metrics.falsePositives], [1, 1])
        let adjusted = try ScreeningWorkflow.run(candidates: rows, predictions: [(-2.05, 0.1), (-1.1, 0.05)],
                                                 references: try ReferenceTable.load(path: references),
                                                 rule: TriageRule(uncertaintyAdjusted: true))
        // −0.05 + 0.1 > 0 drops a; −0.1 + 0.05 < 0 keeps b.
        XCTAssertEqual(adjusted.rows.map(\.selected), [false, true])
    }

    func testBadRowsNameFileLineAndField() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("discovery-bad-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "id,protostructure\nok,AB_cF8_225_a_b:Cl-Na\nbad,AB2_cF8_225_a_b:Cl-Na\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ScreeningCandidateTable.load(path: path)) { error in
            guard case let ScreeningError.invalidField(file, line, field, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual([file, String(line), field], [path, "3", "protostructure"])
        }
    }
}
