import Chemistry
import XCTest
@testable import Learning
@testable import Models

/// Training, reproducibility, prediction and the model directory of the reaction ensemble.
final class ReactionTrainingTests: XCTestCase {
    private func train(seed: UInt64, workers: Int, members: Int = 2) throws -> ReactionEnsemble {
        let samples = try ReactionFixtures.samples().filter { $0.split == "train" }
        let pretraining = ActionPretraining(config: ReactionFixtures.microEncoder, epochs: 3)
        let options = TrainingOptions(epochs: 3, batchSize: 4, learningRate: 3e-3, validationFraction: 0.2, seed: seed)
        return try ReactionEnsemble.train(
            samples: samples, config: ReactionFixtures.microConfig(actionDimension: ReactionFixtures.microEncoder.hidden),
            pretraining: pretraining, options: options, members: members, workers: workers,
            metadata: TrainingMetadata(toolVersion: "test"))
    }

    func testSameSeedGivesBitIdenticalWeightsWhateverTheParallelism() throws {
        let a = try BLASThreading.withThreads(1) { try train(seed: 7, workers: 1) }
        let b = try train(seed: 7, workers: 2)
        XCTAssertEqual(a.members.map(\.model.parameters), b.members.map(\.model.parameters))
        XCTAssertEqual(a.actionEncoder.parameters, b.actionEncoder.parameters)
        XCTAssertEqual(a.standardisation, b.standardisation)
        XCTAssertNotEqual(a.members[0].model.parameters, a.members[1].model.parameters, "members start from different seeds")
        let c = try train(seed: 8, workers: 1)
        XCTAssertNotEqual(a.members[0].model.parameters, c.members[0].model.parameters)
        XCTAssertEqual(a.members[0].history.count, 3)
        // The report counts the rows left for training after the seeded validation hold-out.
        let fixture = try ReactionFixtures.samples()
        let training = DataSplit.split(count: 10, validationFraction: 0.2, seed: 7).train.map { fixture[$0] }
        XCTAssertEqual(a.report?.trainReactions, 8)
        XCTAssertEqual(a.report?.truncatedSequences, training.filter { $0.actions.count > 3 }.count)
        XCTAssertEqual(a.report?.emptySequences, training.filter { $0.actions.isEmpty }.count)
    }

    func testPredictionsRespectTheMaskAndSurviveSaveAndLoad() throws {
        let ensemble = try train(seed: 3, workers: 2, members: 3)
        let samples = try ReactionFixtures.samples()
        let predictions = ensemble.predict(samples)
        XCTAssertEqual(predictions.map(\.id), samples.map(\.id))
        for (p, s) in zip(predictions, samples) {
            XCTAssertFalse(p.predicted.isEmpty)
            XCTAssertEqual(p.predicted.values.reduce(0, +), 1, accuracy: 1e-5, p.id)
            let allowed = Set(s.allowedElements.compactMap { z in PeriodicTableLookupTest.symbol(z) })
            XCTAssertTrue(Set(p.predicted.keys).isSubset(of: allowed), "\(p.id): \(p.predicted.keys) outside the alchemy mask")
            let observed = try XCTUnwrap(p.observed)
            XCTAssertEqual(try XCTUnwrap(p.l1), ReactionMetrics.l1(byZ(p.predicted), byZ(observed)), accuracy: 1e-9)
            XCTAssertEqual(p.embedding.count, 5)
            XCTAssertGreaterThanOrEqual(p.uncertainty, 0)
        }
        XCTAssertTrue(predictions.contains { $0.uncertainty > 0 }, "three members disagree somewhere")
        // The `predict reaction --json` contract: these keys, element symbols as fraction keys.
        let line = try JSONSerialization.jsonObject(with: JSONEncoder().encode(predictions[0])) as? [String: Any]
        XCTAssertEqual(Set(line?.keys.map { $0 } ?? []), ["id", "composition", "doi", "split", "precursors", "actions", "predicted",
                                                           "observed", "l1", "elemd", "uncertainty", "embedding"])
        XCTAssertEqual((line?["observed"] as? [String: Double])?.keys.sorted(), ["Li", "O", "Si"])

        let directory = try TestData.temporaryDirectory().path
        try ensemble.save(to: directory, toolVersion: "test")
        let loaded = try ReactionEnsemble.load(from: directory)
        let again = loaded.predict(samples)
        XCTAssertEqual(again.map(\.predicted), predictions.map(\.predicted))
        XCTAssertEqual(again.map(\.uncertainty), predictions.map(\.uncertainty))
        XCTAssertEqual(again.map(\.embedding), predictions.map(\.embedding))
        XCTAssertEqual(loaded.report, ensemble.report)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory + "/member-2/log.csv"))

        let evaluation = loaded.evaluate(samples, predictions: again)
        XCTAssertEqual(evaluation.model.count, 12)
        XCTAssertEqual(evaluation.nullBaseline.count, 12)
        XCTAssertEqual(evaluation.confidenceCurve.count, 10)
    }

    func testBrokenModelDirectoryIsRejected() throws {
        let ensemble = try train(seed: 1, workers: 1, members: 1)
        let directory = try TestData.temporaryDirectory().path
        try ensemble.save(to: directory, toolVersion: "test")
        try FileManager.default.removeItem(atPath: directory + "/member-0/weights.safetensors")
        XCTAssertThrowsError(try ReactionEnsemble.load(from: directory)) { error in
            guard case .invalidModel(_, let reason)? = error as? ModelsError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("member-0"), reason)
        }
    }

    func testUnlabelledTrainingRowsAreRejectedBeforeTraining() throws {
        var text = ReactionFixtures.text
        text += #"{"id":"u1","precursors":["Li2O","SiO2"],"actions":[],"split":"train"}"# + "\n"
        let samples = try ReactionDataset.parse(text, path: "x.jsonl").filter { $0.split == "train" }
        XCTAssertThrowsError(try ReactionEnsemble.train(
            samples: samples, config: ReactionFixtures.microConfig(actionDimension: 4),
            pretraining: ActionPretraining(config: ReactionFixtures.microEncoder, epochs: 1),
            options: TrainingOptions(epochs: 1), members: 1, metadata: TrainingMetadata(toolVersion: "test"))) { error in
            guard case .invalidRows(_, let problems)? = error as? ModelsError else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.map(\.line), [13])
        }
    }

    private func byZ(_ symbols: [String: Double]) -> [Int: Double] {
        Dictionary(uniqueKeysWithValues: symbols.compactMap { s, f in PeriodicTableLookup.z(s).map { ($0, f) } })
    }
}

/// Atomic number → symbol for the assertions.
enum PeriodicTableLookupTest {
    static func symbol(_ z: Int) -> String? { PeriodicTable.element(z: z)?.symbol }
}
