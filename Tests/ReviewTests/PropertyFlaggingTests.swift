import Chemistry
import Models
import Store
import XCTest
@testable import Review

/// Property flags: z = |observed − mean| / total_std above the threshold, with neighbours.
final class PropertyFlaggingTests: XCTestCase {
    private func input(_ id: Int, _ formula: String, _ value: Double?, qualifier: String = "exact") -> CurationInput {
        CurationInput(observationId: id, sourceKind: "oqmd", sourceName: "oqmd", canonicalKey: formula, reducedFormula: formula,
                      chemicalSystem: "", elementCount: 2, formulaAsWritten: formula, value: value, unit: "eV/atom",
                      qualifier: qualifier, conditionsJSON: nil, locator: "line \(id + 1)")
    }

    func testOutlierIsFlaggedWithTheSameCompositionAsItsNearestNeighbour() throws {
        let inputs = [input(1, "NaCl", -2.0), input(2, "NaCl", -2.1), input(3, "KCl", -2.2), input(4, "Fe2O3", -1.7),
                      input(5, "NaCl", 2.0), input(6, "FeO", -1.4), input(7, "MgO", nil, qualifier: "upper_bound"),
                      input(8, "Fe3O4", -1.6)]
        let items = PropertyFlagging.scorable(inputs)
        XCTAssertEqual(items.map(\.input.observationId), [1, 2, 3, 4, 5, 6, 8], "no value: not scorable")
        // A model that predicts the clean value of every composition with σ 0.1 (a member mean per row).
        let clean: [String: Double] = ["NaCl": -2.05, "KCl": -2.2, "Fe2O3": -1.7, "FeO": -1.35, "Fe3O4": -1.1]
        let predictions = items.map { item in
            EnsemblePrediction(memberMeans: [clean[item.input.canonicalKey] ?? 0], memberStandardDeviations: [0.1])
        }
        let flagged = try PropertyFlagging.candidates(items, predictions: predictions, options: .init(threshold: 4, neighbours: 2))
        // NaCl at +2.0 is 40σ off; Fe3O4 at −1.6 is 5σ off; FeO at −1.4 is 0.5σ: not flagged.
        XCTAssertEqual(flagged.map(\.input.observationId), [5, 8])
        XCTAssertEqual(flagged[0].z, 40.5, accuracy: 1e-9)
        XCTAssertEqual(flagged[1].z, 5, accuracy: 1e-9)
        XCTAssertEqual(Set(flagged[0].neighbours.map(\.observationId)), [1, 2], "the other NaCl measurements")
        XCTAssertEqual(flagged[0].neighbours.first?.similarity ?? 0, 1, accuracy: 1e-6)
        XCTAssertFalse(flagged[0].neighbours.contains { $0.observationId == 5 }, "never its own neighbour")

        let draft = try PropertyFlagging.draft(flagged[0], property: "formation_energy_per_atom")
        XCTAssertEqual(draft.kind, .property)
        XCTAssertEqual(draft.subjectKey, "5")
        XCTAssertEqual(draft.observedJSON, "2")
        XCTAssertTrue(draft.provenanceJSON.contains("\"locator\":\"line 6\""), draft.provenanceJSON)
        XCTAssertTrue(draft.evidenceJSON.contains("\"observation_id\":1"), draft.evidenceJSON)

        XCTAssertThrowsError(try PropertyFlagging.candidates(items, predictions: Array(predictions.dropLast())))
    }
}
