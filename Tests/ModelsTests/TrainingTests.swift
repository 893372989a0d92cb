import Chemistry
import Foundation
import XCTest
@testable import Learning
@testable import Models

final class TrainingTests: XCTestCase {
    /// The first `count` rows of the OQMD test split.
    func oqmdSamples(_ count: Int, embedding: ElementEmbedding) throws -> [RoostSample] {
        let path = try TestData.sharedFile("oqmd/roost-oqmd-256k-testsplit.csv")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").prefix(count + 1)
        let subset = try TestData.csv(lines.joined(separator: "\n") + "\n")
        return try RoostDataset.load(path: subset, columns: .init(target: "target"), embedding: embedding)
    }

    func metadata() -> TrainingMetadata {
        TrainingMetadata(seed: 0, splitSeed: 0, epochs: 0, bestEpoch: 0, batchSize: 0, learningRate: 0,
                         weightDecay: 0, validationFraction: 0, trainSamples: 0, validationSamples: 0,
                         toolVersion: "test")
    }

    func testSameSeedGivesBitIdenticalWeights() throws {
        let embedding = ElementEmbedding.oneHot
        let samples = try oqmdSamples(40, embedding: embedding)
        let config = RoostConfig.tiny(embeddingDimension: embedding.dimension)
        func run(_ seed: UInt64) throws -> RoostEnsemble {
            try RoostEnsemble.train(
                samples: samples, shared: embedding, config: config,
                options: TrainingOptions(epochs: 2, batchSize: 16, learningRate: 1e-3, seed: seed),
                members: 1, metadata: metadata())
        }
        let a = try run(7), b = try run(7), c = try run(8)
        XCTAssertEqual(a.members[0].model.parameters, b.members[0].model.parameters)
        XCTAssertEqual(a.members[0].history.map(\.trainLoss), b.members[0].history.map(\.trainLoss))
        XCTAssertNotEqual(a.members[0].model.parameters, c.members[0].model.parameters)
    }

    func testParallelMembersGiveTheSameWeightsAsSequentialTraining() throws {
        let embedding = ElementEmbedding.oneHot
        let samples = try oqmdSamples(48, embedding: embedding)
        let config = RoostConfig.tiny(embeddingDimension: embedding.dimension)
        let options = TrainingOptions(epochs: 2, batchSize: 16, learningRate: 1e-3, validationFraction: 0.25, seed: 3)
        final class Calls: @unchecked Sendable { var members: [Int] = [] }
        let calls = Calls()
        func run(_ parallelism: Int) throws -> RoostEnsemble {
            try RoostEnsemble.train(samples: samples, shared: embedding, config: config, options: options,
                                           members: 3, metadata: metadata(), parallelism: parallelism,
                                           progress: { member, _ in calls.members.append(member) })
        }
        // Sequential training with single-threaded OpenBLAS, as each parallel member has.
        let sequential = try BLASThreading.withThreads(1) { () throws -> RoostEnsemble in try run(1) }
        calls.members = []
        let parallel = try run(2)
        XCTAssertEqual(calls.members.sorted(), [0, 0, 1, 1, 2, 2], "every member reports every epoch once")
        XCTAssertEqual(parallel.members.map(\.metadata.seed), [3, 4, 5])
        for (a, b) in zip(sequential.members, parallel.members) {
            XCTAssertEqual(a.model.parameters, b.model.parameters)
            XCTAssertEqual(a.history.map(\.validationMAE), b.history.map(\.validationMAE))
        }
        XCTAssertNotEqual(parallel.members[0].model.parameters, parallel.members[1].model.parameters)
        XCTAssertThrowsError(try run(0))
    }

    func testTinyRoostLearnsOQMDBetterThanTheMean() throws {
        let embedding = try ElementEmbedding.load(path: TestData.sharedFile("embeddings/element/matscholar200.json"))
        let samples = try oqmdSamples(200, embedding: embedding)
        let options = TrainingOptions(epochs: 40, batchSize: 32, learningRate: 3e-3, validationFraction: 0.2, seed: 1)
        let split = DataSplit.split(count: samples.count, validationFraction: 0.2, seed: 1)
        let trainMean = split.train.compactMap { samples[$0].target }.reduce(0, +) / Double(split.train.count)
        let baseline = split.validation.compactMap { samples[$0].target }
            .reduce(0) { $0 + abs($1 - trainMean) } / Double(split.validation.count)

        let ensemble = try RoostEnsemble.train(
            samples: samples, shared: embedding, config: RoostConfig.tiny(embeddingDimension: embedding.dimension),
            options: options, members: 2, metadata: metadata())
        let member = ensemble.members[0]
        XCTAssertEqual(member.history.count, 40)
        XCTAssertEqual(member.metadata.validationSamples, 40)
        let best = try XCTUnwrap(member.metadata.bestValidationMAE)
        XCTAssertEqual(best, member.history.compactMap(\.validationMAE).min() ?? .nan)
        XCTAssertLessThan(best, 0.7 * baseline, "validation MAE \(best) vs predicting the training mean \(baseline)")

        // The kept checkpoint reproduces the best validation MAE.
        let validation = split.validation.map { samples[$0] }
        let predictions = try ensemble.members[0].predict(validation.map(\.elementFractions), embedding: embedding)
        let mae = zip(predictions, validation).reduce(0.0) { (sum: Double, pair: ((mean: Double, standardDeviation: Double), RoostSample)) in sum + abs(pair.0.mean - (pair.1.target ?? .nan)) } / Double(validation.count)
        XCTAssertEqual(mae, best, accuracy: 1e-4)

        // Save → load → identical predictions, and the files a user expects.
        let directory = try TestData.temporaryDirectory().appendingPathComponent("model")
        try ensemble.save(to: directory.path, toolVersion: "test")
        let loaded = try RoostEnsemble.load(from: directory.path)
        XCTAssertEqual(loaded.members.count, 2)
        XCTAssertEqual(loaded.members[1].normalisation, ensemble.members[1].normalisation)
        XCTAssertEqual(loaded.members[1].metadata, ensemble.members[1].metadata)
        XCTAssertEqual(try loaded.predict(samples), try ensemble.predict(samples))
        for file in ["ensemble.json", "embedding.json", "member-0/weights.safetensors", "member-0/config.json",
                     "member-1/log.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path), file)
        }
        let log = try String(contentsOf: directory.appendingPathComponent("member-0/log.csv"), encoding: .utf8)
        XCTAssertEqual(log.split(separator: "\n").count, 41)
        XCTAssertTrue(log.hasPrefix("epoch,train_loss,train_mae,val_loss,val_mae,seconds,train_seconds\n"))

        // A warm start begins from the saved weights (zero epochs of change would reproduce them).
        let warm = try RoostEnsemble.train(
            samples: samples, shared: embedding, config: RoostConfig.tiny(embeddingDimension: embedding.dimension),
            options: TrainingOptions(epochs: 1, batchSize: 32, learningRate: 1e-9, weightDecay: 0, validationFraction: 0.2, seed: 1),
            members: 1, initFrom: (loaded, directory.path), metadata: metadata())
        let before = try XCTUnwrap(loaded.members[0].model.parameters["head.mean.b"]?.scalars[0])
        let after = try XCTUnwrap(warm.members[0].model.parameters["head.mean.b"]?.scalars[0])
        XCTAssertEqual(before, after, accuracy: 1e-6)
        XCTAssertEqual(warm.members[0].metadata.initFrom, directory.path)
        XCTAssertThrowsError(try RoostEnsemble.train(
            samples: samples, shared: embedding, config: RoostConfig(embeddingDimension: embedding.dimension),
            options: options, members: 1, initFrom: (loaded, directory.path), metadata: metadata()))
    }

    func testSplitIsSeededAndDisjoint() {
        let a = DataSplit.split(count: 100, validationFraction: 0.1, seed: 4)
        XCTAssertEqual(a.validation.count, 10)
        XCTAssertEqual(Set(a.train).union(a.validation), Set(0..<100))
        XCTAssertTrue(Set(a.train).isDisjoint(with: a.validation))
        XCTAssertEqual(a.validation, DataSplit.split(count: 100, validationFraction: 0.1, seed: 4).validation)
        XCTAssertNotEqual(a.validation, DataSplit.split(count: 100, validationFraction: 0.1, seed: 5).validation)
    }
}

final class PredefinedSplitTests: XCTestCase {
    func testAReleaseSplitIsUsedAsGiven() throws {
        let embedding = ElementEmbedding.oneHot
        let path = try TestData.sharedFile("oqmd/roost-oqmd-256k-testsplit.csv")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").prefix(31)
        let samples = try RoostDataset.load(path: try TestData.csv(lines.joined(separator: "\n") + "\n"),
                                            columns: .init(target: "target"), embedding: embedding)
        let metadata = TrainingMetadata(seed: 0, splitSeed: 0, epochs: 0, bestEpoch: 0, batchSize: 0, learningRate: 0,
                                        weightDecay: 0, validationFraction: 0, trainSamples: 0, validationSamples: 0, toolVersion: "test")
        let options = TrainingOptions(epochs: 1, batchSize: 8, learningRate: 1e-3, validationFraction: 0.5, seed: 3)
        let config = RoostConfig.tiny(embeddingDimension: embedding.dimension)
        // The validation fraction (0.5) would give 15/15; the given split is 24/6.
        let ensemble = try RoostEnsemble.train(samples: samples, shared: embedding, config: config, options: options,
                                                      members: 1, metadata: metadata, split: (Array(0..<24), Array(24..<30)))
        XCTAssertEqual(ensemble.members[0].metadata.trainSamples, 24)
        XCTAssertEqual(ensemble.members[0].metadata.validationSamples, 6)
        XCTAssertThrowsError(try RoostEnsemble.train(samples: samples, shared: embedding, config: config, options: options,
                                                            members: 1, metadata: metadata, split: (Array(0..<24), [30])))
    }
}
