import Foundation
import XCTest
@testable import CurateApp
import Learning
import Models

/// Crash-safe model directories: staging, --overwrite, run ids, checkpoints and --resume.
final class TrainingRunSafetyTests: XCTestCase {
    func request(_ csv: String, out: String, epochs: Int) -> TrainingRequest {
        var request = TrainingRequest(data: csv, out: out, epochs: epochs, ensemble: 2)
        (request.target, request.embedding, request.size, request.batchSize, request.parallel) = ("target", "onehot", "tiny", 16, 1)
        return request
    }

    func weights(_ directory: String) throws -> [Parameters] {
        try RoostEnsemble.load(from: directory).members.map(\.model.parameters)
    }

    func testStoppedRunResumesToTheWeightsOfAnUninterruptedOne() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let csv = try ModelWorkflowFixtures.oqmdCSV(rows: 48, in: folder)
        let straight = folder.appendingPathComponent("straight").path
        let resumed = folder.appendingPathComponent("resumed").path
        try BLASThreading.withThreads(1) {
            _ = try ModelTraining.roost(request(csv, out: straight, epochs: 4))
            var first = request(csv, out: resumed, epochs: 4)
            (first.checkpointEvery, first.stopAfterEpoch) = (2, 2)
            XCTAssertThrowsError(try ModelTraining.roost(first))
            let staging = StagedModelDirectory.stagingPath(for: resumed)
            XCTAssertTrue(FileManager.default.fileExists(atPath: staging + "/member-0/checkpoint-2/state.json"))
            XCTAssertFalse(FileManager.default.fileExists(atPath: resumed), "nothing at --out until the run finishes")
            // A second run without --resume refuses the leftover staging directory.
            XCTAssertThrowsError(try ModelTraining.roost(request(csv, out: resumed, epochs: 4))) { error in
                XCTAssertTrue("\(error)".contains("--resume"), "\(error)")
            }
            // Other settings cannot resume it.
            var other = request(csv, out: resumed, epochs: 5)
            other.resume = staging
            XCTAssertThrowsError(try ModelTraining.roost(other)) { error in
                XCTAssertTrue("\(error)".contains("other settings"), "\(error)")
            }
            var second = request(csv, out: resumed, epochs: 4)
            (second.checkpointEvery, second.resume) = (2, staging)
            _ = try ModelTraining.roost(second)
        }
        XCTAssertEqual(try weights(straight), try weights(resumed))
        let log = try String(contentsOfFile: resumed + "/member-1/log.csv", encoding: .utf8)
        XCTAssertEqual(log.split(separator: "\n").count, 5, "the resumed member's log has every epoch")
    }

    /// A run killed after making its staging directory but before claiming it (no run.json)
    /// resumes from the beginning instead of failing on the missing file.
    func testStagingKilledBeforeTheRunWasClaimedResumesFromScratch() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let csv = try ModelWorkflowFixtures.oqmdCSV(rows: 24, in: folder)
        let straight = folder.appendingPathComponent("straight").path
        let resumed = folder.appendingPathComponent("resumed").path
        let staging = StagedModelDirectory.stagingPath(for: resumed)
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try BLASThreading.withThreads(1) {
            _ = try ModelTraining.roost(request(csv, out: straight, epochs: 2))
            var again = request(csv, out: resumed, epochs: 2)
            again.resume = staging
            _ = try ModelTraining.roost(again)
        }
        XCTAssertEqual(try weights(straight), try weights(resumed))
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging))
        XCTAssertFalse(FileManager.default.fileExists(atPath: resumed + "/run.json"), "run.json is dropped once the model is in place")
    }

    func testExistingOutNeedsOverwrite() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let csv = try ModelWorkflowFixtures.oqmdCSV(rows: 24, in: folder)
        let out = folder.appendingPathComponent("model").path
        let first = try ModelTraining.roost(request(csv, out: out, epochs: 1))
        XCTAssertThrowsError(try ModelTraining.roost(request(csv, out: out, epochs: 1))) { error in
            XCTAssertEqual("\(error)", "--out \(out) exists; pass --overwrite to replace it")
        }
        var again = request(csv, out: out, epochs: 1)
        again.overwrite = true
        let second = try ModelTraining.roost(again)
        XCTAssertNotEqual(first.runID, second.runID)
        let manifest = try String(contentsOfFile: out + "/ensemble.json", encoding: .utf8)
        XCTAssertTrue(manifest.contains(second.runID))
    }

    func testMemberOfAnotherRunIsRefused() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let csv = try ModelWorkflowFixtures.oqmdCSV(rows: 24, in: folder)
        let a = folder.appendingPathComponent("a").path, b = folder.appendingPathComponent("b").path
        _ = try ModelTraining.roost(request(csv, out: a, epochs: 1))
        let other = try ModelTraining.roost(request(csv, out: b, epochs: 1))
        let fm = FileManager.default
        try fm.removeItem(atPath: a + "/member-1/weights.safetensors")
        try fm.copyItem(atPath: b + "/member-1/weights.safetensors", toPath: a + "/member-1/weights.safetensors")
        XCTAssertThrowsError(try RoostEnsemble.load(from: a)) { error in
            XCTAssertTrue("\(error)".contains("member-1/weights.safetensors belongs to run \(other.runID)"), "\(error)")
        }
    }

    func testDefaultEmbeddingComesFromCURATEDATAAndAMissingOneIsNamed() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        XCTAssertThrowsError(try ElementEmbeddingChoice.resolve(nil, environment: ["CURATE_DATA": folder.path])) { error in
            XCTAssertTrue("\(error)".contains(folder.path + "/embeddings/element/matscholar200.json"), "\(error)")
        }
        let data = ModelWorkflowFixtures.repositoryRoot.appendingPathComponent("../shared/data").standardizedFileURL.path
        XCTAssertEqual(try ElementEmbeddingChoice.resolve(nil, environment: ["CURATE_DATA": data]).dimension, 200)
        XCTAssertEqual(ElementEmbeddingChoice.dataFolder(environment: [:]), "../shared/data")
    }
}
