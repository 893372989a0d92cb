import Chemistry
import XCTest
@testable import Learning
@testable import Models

final class RoostModelTests: XCTestCase {
    func testSameCompositionInAnotherElementOrderGivesTheSamePrediction() throws {
        let embedding = ElementEmbedding.oneHot
        let model = RoostModel(config: .tiny(embeddingDimension: embedding.dimension), seed: 3)
        // Fe, O (Fe2O3) and Li, Na, Cl written in different orders within the same batch.
        let forward: [[(z: Int, amount: Double)]] = [[(26, 2), (8, 3)], [(3, 1), (11, 2), (17, 3)], [(29, 1)]]
        let reversed: [[(z: Int, amount: Double)]] = [[(8, 3), (26, 2)], [(17, 3), (3, 1), (11, 2)], [(29, 1)]]
        let a = try model.predict(elementAmounts: forward, embedding: embedding)
        let b = try model.predict(elementAmounts: reversed, embedding: embedding)
        for (x, y) in zip(a.mean + a.logStandardDeviation, b.mean + b.logStandardDeviation) {
            XCTAssertEqual(x, y, accuracy: 1e-5)
        }
        // Written formulas in any order parse to the same composition, hence the same prediction.
        let c1 = try CompositionBatch(compositions: [try Composition(formula: "Fe2O3")], embedding: embedding)
        let c2 = try CompositionBatch(compositions: [try Composition(formula: "O3Fe2")], embedding: embedding)
        XCTAssertEqual(model.predict(c1).mean, model.predict(c2).mean)
    }

    func testAmountsAreNormalisedToFractions() throws {
        let embedding = ElementEmbedding.oneHot
        let model = RoostModel(config: .tiny(embeddingDimension: embedding.dimension), seed: 3)
        let a = try model.predict(elementAmounts: [[(26, 2), (8, 3)]], embedding: embedding)
        let b = try model.predict(elementAmounts: [[(26, 0.4), (8, 0.6)]], embedding: embedding)
        XCTAssertEqual(a.mean[0], b.mean[0], accuracy: 1e-6)
    }

    func testPaperDefaultsAndParameterCheck() throws {
        let config = RoostConfig()
        XCTAssertEqual(config.featureDimension, 64)
        XCTAssertEqual(config.messageLayers, 3)
        XCTAssertEqual(config.messageHeads, 3)
        XCTAssertEqual(config.outputHidden, [1024, 512, 256, 128, 64])
        let tiny = RoostConfig.tiny(embeddingDimension: 5)
        var parameters = RoostModel(config: tiny, seed: 1).parameters
        XCTAssertNoThrow(try RoostModel(config: tiny, parameters: parameters))
        parameters["embed.w"] = Tensor.zeros([4, 15])
        XCTAssertThrowsError(try RoostModel(config: tiny, parameters: parameters))
        parameters["embed.w"] = nil
        XCTAssertThrowsError(try RoostModel(config: tiny, parameters: parameters))
    }

    func testConfigRoundTripsThroughJSON() throws {
        let config = RoostConfig.tiny(embeddingDimension: 200)
        let decoded = try JSONDecoder().decode(RoostConfig.self, from: JSONEncoder().encode(config))
        XCTAssertEqual(decoded, config)
    }
}
