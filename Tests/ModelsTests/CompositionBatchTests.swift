import Chemistry
import XCTest
@testable import Learning
@testable import Models

final class CompositionBatchTests: XCTestCase {
    func testFe2O3NaClCuGivesEveryOrderedPairPerComposition() throws {
        let compositions = try ["Fe2O3", "NaCl", "Cu"].map { try Composition(formula: $0) }
        let batch = try CompositionBatch(compositions: compositions, embedding: .oneHot)
        // Nodes by atomic number within each composition: O, Fe | Na, Cl | Cu.
        XCTAssertEqual(batch.nodeCount, 5)
        XCTAssertEqual(batch.crystalCount, 3)
        XCTAssertEqual(batch.nodeCrystal, [0, 0, 1, 1, 2])
        XCTAssertEqual(batch.pairSelf, [0, 0, 1, 1, 2, 2, 3, 3, 4])
        XCTAssertEqual(batch.pairNeighbour, [0, 1, 0, 1, 2, 3, 2, 3, 4])
        XCTAssertEqual(batch.nodeWeights.shape, [5, 1])
        for (got, want) in zip(batch.nodeWeights.scalars, [0.6, 0.4, 0.5, 0.5, 1.0] as [Float]) {
            XCTAssertEqual(got, want, accuracy: 1e-6)
        }
        XCTAssertEqual(batch.nodeFeatures.shape, [5, 118])
        XCTAssertEqual(batch.nodeFeatures[0, 7], 1)    // O, Z = 8
        XCTAssertEqual(batch.nodeFeatures[1, 25], 1)   // Fe, Z = 26
        XCTAssertEqual(batch.nodeFeatures[4, 28], 1)   // Cu, Z = 29
        XCTAssertEqual(batch.nodeFeatures.scalars.reduce(0, +), 5)
    }

    func testElementMissingFromEmbeddingIsAnError() throws {
        let embedding = try TestData.smallEmbedding()
        XCTAssertThrowsError(try CompositionBatch(compositions: [try Composition(formula: "Au")], embedding: embedding))
    }

    func testMatscholarEmbeddingLoads() throws {
        let embedding = try ElementEmbedding.load(path: TestData.sharedFile("embeddings/element/matscholar200.json"))
        XCTAssertEqual(embedding.name, "matscholar200")
        XCTAssertEqual(embedding.dimension, 200)
        XCTAssertNotNil(embedding.vector(z: 1))
        XCTAssertNotNil(embedding.vector(z: 103))
        XCTAssertNil(embedding.vector(z: 118))
    }

    func testEmbeddingJSONRoundTrip() throws {
        let embedding = try TestData.smallEmbedding()
        let url = try TestData.temporaryDirectory().appendingPathComponent("e.json")
        try embedding.jsonData().write(to: url)
        XCTAssertEqual(try ElementEmbedding.load(path: url.path, name: "test3"), embedding)
    }
}
