import Chemistry
import Foundation
import XCTest
@testable import Learning
@testable import Models

/// The learning-rate schedule and early stopping of the generic member trainer.
final class TrainingScheduleTests: XCTestCase {
    func testCosineScheduleRunsFromTheRateToOnePercent() {
        let schedule = LearningRateSchedule.cosine
        XCTAssertEqual(schedule.rate(1e-3, epoch: 1, of: 11), 1e-3, accuracy: 1e-9)
        XCTAssertEqual(schedule.rate(1e-3, epoch: 6, of: 11), 1e-3 * (0.01 + 0.99 * 0.5), accuracy: 1e-9)
        XCTAssertEqual(schedule.rate(1e-3, epoch: 11, of: 11), 1e-5, accuracy: 1e-10)
        XCTAssertEqual(schedule.rate(1e-3, epoch: 1, of: 1), 1e-3)
        // Monotone non-increasing.
        let rates = (1...20).map { schedule.rate(1, epoch: $0, of: 20) }
        XCTAssertEqual(rates, rates.sorted(by: >))
        XCTAssertEqual(LearningRateSchedule.constant.rate(3e-4, epoch: 7, of: 10), 3e-4)
    }

    private func samples(_ count: Int) throws -> [RoostSample] {
        let path = try TestData.sharedFile("oqmd/roost-oqmd-256k-testsplit.csv")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").prefix(count + 1)
        return try RoostDataset.load(path: try TestData.csv(lines.joined(separator: "\n") + "\n"), columns: .init(target: "target"),
                                     embedding: .oneHot)
    }

    private func train(_ options: TrainingOptions, _ samples: [RoostSample]) throws -> RoostEnsemble {
        try RoostEnsemble.train(samples: samples, shared: .oneHot, config: RoostConfig.tiny(embeddingDimension: ElementEmbedding.oneHot.dimension),
                                options: options, members: 1, metadata: TrainingMetadata(toolVersion: "test"))
    }

    /// A rate too large to improve on the first epoch's validation score stops after `patience`
    /// more epochs; the kept weights are the best epoch's, and the metadata says how many ran.
    func testEarlyStoppingEndsAfterPatienceEpochsWithoutImprovement() throws {
        let rows = try samples(60)
        var options = TrainingOptions(epochs: 30, batchSize: 16, learningRate: 3e-3, validationFraction: 0.25, seed: 2)
        let full = try train(options, rows)
        options.patience = 2
        let stopped = try train(options, rows)
        let member = stopped.members[0]
        let history = member.history
        XCTAssertLessThan(history.count, 30)
        XCTAssertEqual(member.metadata.epochsTrained, history.count)
        XCTAssertEqual(member.metadata.patience, 2)
        // It stopped exactly `patience` epochs after the best one, and up to then it equals the full run.
        XCTAssertEqual(history.count - member.metadata.bestEpoch, 2)
        XCTAssertEqual(history.map(\.trainLoss), Array(full.members[0].history.map(\.trainLoss).prefix(history.count)))
        XCTAssertNil(full.members[0].metadata.epochsTrained)
        options.patience = 0
        XCTAssertThrowsError(try train(options, rows))
    }

    /// A cosine schedule changes the weights but not the first epoch (which runs at the full rate).
    func testCosineScheduleTrainsDifferentlyAfterTheFirstEpoch() throws {
        let rows = try samples(40)
        var options = TrainingOptions(epochs: 3, batchSize: 16, learningRate: 1e-3, validationFraction: 0.25, seed: 4)
        let constant = try train(options, rows)
        options.schedule = .cosine
        let cosine = try train(options, rows)
        XCTAssertEqual(constant.members[0].history[0].trainLoss, cosine.members[0].history[0].trainLoss)
        XCTAssertNotEqual(constant.members[0].history[2].trainLoss, cosine.members[0].history[2].trainLoss)
        XCTAssertEqual(cosine.members[0].metadata.schedule, .cosine)
        XCTAssertNil(constant.members[0].metadata.schedule)
    }
}
