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

    /// Censored labels are scored one-sided: only a prediction on the wrong side of the bound
    /// counts, and SuperCon's Tc = 0 ("not superconducting") is an upper bound at 0 K.
    func testCensoredLabelsAreFlaggedOnlyOnTheContradictingSide() throws {
        let inputs = [input(1, "MgB2", 39, qualifier: "exact"), input(2, "NbTi", 2, qualifier: "upper_bound"),
                      input(3, "Nb3Sn", 2, qualifier: "upper_bound"), input(4, "CuO", nil, qualifier: "not_superconducting"),
                      input(5, "YBa2Cu3O7", nil, qualifier: "not_superconducting"), input(6, "HgBa2CuO4", 130, qualifier: "lower_bound"),
                      input(7, "LaFeAsO", 60, qualifier: "lower_bound"), input(8, "Pb", 7, qualifier: "approximate")]
        let items = PropertyFlagging.scorable(inputs)
        XCTAssertEqual(items.map(\.input.observationId), [1, 2, 3, 4, 5, 6, 7], "approximate values are not scored")
        // Predictions with σ = 1 K: NbTi 1 K (agrees with < 2 K), Nb3Sn 18 K (16σ above < 2 K),
        // CuO 0.5 K (agrees with Tc = 0 within threshold), YBa2Cu3O7 90 K (90σ above 0 K),
        // HgBa2CuO4 135 K (agrees with > 130 K), LaFeAsO 26 K (34σ below > 60 K), MgB2 39 K.
        let means: [Int: Double] = [1: 39, 2: 1, 3: 18, 4: 0.5, 5: 90, 6: 135, 7: 26]
        let predictions = items.map { EnsemblePrediction(memberMeans: [means[$0.input.observationId] ?? 0], memberStandardDeviations: [1]) }
        let flagged = try PropertyFlagging.candidates(items, predictions: predictions, options: .init(threshold: 4, neighbours: 1))
        XCTAssertEqual(flagged.map(\.input.observationId), [5, 7, 3])
        XCTAssertEqual(flagged.map(\.z), [90, 34, 16])
        XCTAssertEqual(flagged[0].observed, 0, "not superconducting: observed 0 K")
        let draft = try PropertyFlagging.draft(flagged[0], property: "tc")
        XCTAssertTrue(draft.evidenceJSON.contains("upper bound"), draft.evidenceJSON)
        XCTAssertEqual(draft.observedJSON, "0")
        XCTAssertTrue(try PropertyFlagging.draft(flagged[1], property: "tc").evidenceJSON.contains("lower bound"))
    }
}
