import Foundation
import XCTest
@testable import Learning
@testable import Models

/// Paths and small builders shared by the model tests.
enum TestData {
    /// The repository root (this file is Tests/ModelsTests/Fixtures.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under ../shared/data beside the repository; fails the test loudly when absent.
    static func sharedFile(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let path = repositoryRoot.appendingPathComponent("../shared/data/" + relative).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path) else {
            XCTFail("missing shared data file \(path)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return path
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("models-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to a temporary CSV and returns its path.
    static func csv(_ text: String) throws -> String {
        let url = try temporaryDirectory().appendingPathComponent("data.csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// A small 3-d embedding with deterministic vectors for a few elements.
    static func smallEmbedding() throws -> ElementEmbedding {
        var vectors: [String: [Float]] = [:]
        for (k, symbol) in ["H", "Li", "O", "Na", "Cl", "Fe", "Cu"].enumerated() {
            let x = Float(k + 1)
            vectors[symbol] = [0.3 * x - 1, 0.5 * (x.truncatingRemainder(dividingBy: 3)) - 0.4, 1 / x]
        }
        return try ElementEmbedding(name: "test3", vectorsBySymbol: vectors)
    }

    /// A very small Roost for gradient checks.
    static func microConfig(embeddingDimension: Int) -> RoostConfig {
        RoostConfig(embeddingDimension: embeddingDimension, featureDimension: 4, messageLayers: 2, messageHeads: 2,
                    messageHidden: 5, poolingHeads: 2, poolingHidden: 5, outputHidden: [6, 4])
    }
}
