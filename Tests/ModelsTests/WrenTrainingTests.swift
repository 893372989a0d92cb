import Chemistry
import Crystal
import Foundation
import XCTest
@testable import Learning
@testable import Models

/// Wren learns a structure-dependent target, and survives a save → load round trip.
final class WrenTrainingTests: XCTestCase {
    /// Polymorph-style synthetic data: the target depends on the element and on the Wyckoff
    /// position's multiplicity, so compositions alone cannot fit it.
    static func samples() throws -> [WrenSample] {
        let symbols = ["Li", "Na", "Fe", "Cu", "O", "Cl"]
        let value: [String: Double] = ["Li": -1.0, "Na": -0.6, "Fe": 0.4, "Cu": 0.9, "O": -1.4, "Cl": 0.2]
        let frames: [(Int, [String])] = [(225, ["a", "b"]), (225, ["a", "c"]), (221, ["a", "b"]), (221, ["a", "d"]),
                                         (194, ["a", "c"]), (194, ["b", "d"]), (12, ["a", "i"]), (166, ["a", "c"])]
        var rows: [WrenSample] = []
        for (i, a) in symbols.enumerated() {
            for (j, b) in symbols.enumerated() where i != j {
                for (frame, (group, letters)) in frames.enumerated() {
                    let p = try WrenTestData.protostructure(group, [(a, letters[0]), (b, letters[1])])
                    let w = p.weights
                    let m = p.multiplicities.map(Double.init)
                    let y = zip(p.sites, zip(w, m)).reduce(0.0) { total, item in
                        let symbol = PeriodicTable.element(z: item.0.z)?.symbol ?? ""
                        return total + (value[symbol] ?? 0) * item.1.0 * (1 + 0.3 * log2(item.1.1))
                    }
                    rows.append(WrenSample(id: "\(i)-\(j)-\(frame)", label: p.description, protostructure: p, target: y, line: rows.count + 2))
                }
            }
        }
        return rows
    }

    func testLearnsBetterThanTheMeanAndRoundTrips() throws {
        let embedding = try TestData.smallEmbedding()
        let samples = try Self.samples()
        let split = DataSplit.split(count: samples.count, validationFraction: 0.2, seed: 1)
        let config = WrenConfig.tiny(elementEmbeddingDimension: embedding.dimension,
                                     wyckoffEmbeddingDimension: WyckoffEmbedding.standard.dimension)
        let options = TrainingOptions(epochs: 60, batchSize: 32, learningRate: 3e-3, validationFraction: 0.2, seed: 1)
        let ensemble = try WrenEnsemble.train(samples: samples, shared: embedding, config: config, options: options,
                                              members: 2, metadata: TrainingMetadata(toolVersion: "test"), split: split)
        let test = split.validation
        let targets = test.compactMap { samples[$0].target }
        let trainMean = split.train.compactMap { samples[$0].target }.reduce(0, +) / Double(split.train.count)
        let baseline = targets.reduce(0) { $0 + abs($1 - trainMean) } / Double(targets.count)
        let predictions = try ensemble.predict(test.map { samples[$0].protostructure })
        let mae = zip(predictions, targets).reduce(0) { $0 + abs($1.0.mean - $1.1) } / Double(targets.count)
        print("Wren synthetic: \(samples.count) rows, held-out MAE \(mae) vs mean baseline \(baseline)")
        XCTAssertLessThan(mae, 0.5 * baseline)

        let directory = try TestData.temporaryDirectory().appendingPathComponent("wren")
        try ensemble.save(to: directory.path, toolVersion: "test")
        let loaded = try WrenEnsemble.load(from: directory.path)
        let again = try loaded.predict(test.map { samples[$0].protostructure })
        XCTAssertEqual(again.map(\.mean), predictions.map(\.mean))
        XCTAssertThrowsError(try RoostEnsemble.load(from: directory.path))
    }

    func testParallelMembersGiveTheSameWeightsAsSequentialTraining() throws {
        let embedding = try TestData.smallEmbedding()
        let samples = Array(try Self.samples().prefix(96))
        let config = WrenConfig.tiny(elementEmbeddingDimension: embedding.dimension,
                                     wyckoffEmbeddingDimension: WyckoffEmbedding.standard.dimension)
        let options = TrainingOptions(epochs: 2, batchSize: 16, learningRate: 1e-3, validationFraction: 0.25, seed: 5)
        final class Calls: @unchecked Sendable { var members: [Int] = [] }
        let calls = Calls()
        func run(_ parallelism: Int) throws -> WrenEnsemble {
            try WrenEnsemble.train(samples: samples, shared: embedding, config: config, options: options, members: 3,
                                   metadata: TrainingMetadata(toolVersion: "test"), parallelism: parallelism,
                                   progress: { member, _ in calls.members.append(member) })
        }
        let sequential = try BLASThreading.withThreads(1) { () throws -> WrenEnsemble in try run(1) }
        calls.members = []
        let parallel = try run(2)
        XCTAssertEqual(calls.members.sorted(), [0, 0, 1, 1, 2, 2], "every member reports every epoch once")
        XCTAssertEqual(parallel.members.map(\.metadata.seed), [5, 6, 7])
        for (a, b) in zip(sequential.members, parallel.members) {
            XCTAssertEqual(a.model.parameters, b.model.parameters)
            XCTAssertEqual(a.history.map(\.validationMAE), b.history.map(\.validationMAE))
        }
        XCTAssertNotEqual(parallel.members[0].model.parameters, parallel.members[1].model.parameters)
        XCTAssertThrowsError(try run(0))
    }

    func testInitFromStartsFromTheGivenWeightsAndRejectsAnotherArchitecture() throws {
        let embedding = try TestData.smallEmbedding()
        let samples = Array(try Self.samples().prefix(64))
        let tiny = WrenConfig.tiny(elementEmbeddingDimension: embedding.dimension,
                                   wyckoffEmbeddingDimension: WyckoffEmbedding.standard.dimension)
        let options = TrainingOptions(epochs: 3, batchSize: 16, learningRate: 3e-3, validationFraction: 0.25, seed: 2)
        let metadata = TrainingMetadata(toolVersion: "test")
        let pretrained = try WrenEnsemble.train(samples: samples, shared: embedding, config: tiny, options: options, members: 2,
                                                metadata: metadata)
        // A vanishing learning rate leaves a warm start where it began, a cold start elsewhere.
        let still = TrainingOptions(epochs: 1, batchSize: 16, learningRate: 1e-12, validationFraction: 0.25, seed: 9)
        let warm = try WrenEnsemble.train(samples: samples, shared: embedding, config: tiny, options: still, members: 3,
                                          initFrom: (pretrained, "pretrained"), metadata: metadata)
        let cold = try WrenEnsemble.train(samples: samples, shared: embedding, config: tiny, options: still, members: 1,
                                          metadata: metadata)
        func distance(_ a: Parameters, _ b: Parameters) -> Float {
            a.names.reduce(0) { total, name in
                guard let x = a[name], let y = b[name] else { return .infinity }
                return max(total, zip(x.scalars, y.scalars).reduce(0) { max($0, abs($1.0 - $1.1)) })
            }
        }
        for (k, member) in warm.members.enumerated() {
            XCTAssertLessThan(distance(member.model.parameters, pretrained.members[k % 2].model.parameters), 1e-6, "member \(k)")
            XCTAssertEqual(member.metadata.initFrom, "pretrained")
        }
        XCTAssertGreaterThan(distance(cold.members[0].model.parameters, pretrained.members[0].model.parameters), 1e-3)
        var other = tiny
        other.messageHidden = 16
        XCTAssertThrowsError(try WrenEnsemble.train(samples: samples, shared: embedding, config: other, options: still, members: 1,
                                                    initFrom: (pretrained, "pretrained"), metadata: metadata))
    }
}
