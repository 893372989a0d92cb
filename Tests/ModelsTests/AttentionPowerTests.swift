import Chemistry
import Foundation
import XCTest
@testable import Learning
@testable import Models

/// aviary's learnable attention power (`AttentionPower.learned`): the same outputs as aviary's
/// own module, the thesis' form at p = 1, old model files read as `fixed`, and the layout.
final class AttentionPowerTests: XCTestCase {
    private struct Fixture: Decodable {
        struct Case: Decodable {
            let power: Float
            let gate_weight: [Float]
            let gate_bias: Float
            let pooled: [Float]
        }
        let segments: [Int]
        let weights: [Float]
        let x: [Float]
        let cases: [Case]
    }

    /// aviary's WeightedAttentionPooling (scripts/aviary-attention-power-fixture.py) and curate's
    /// attention give the same pooled vectors for powers −0.7, 0.3, 1 and 2.5.
    func testPoolingMatchesAviarysModule() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/aviary-attention-power.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: try Data(contentsOf: url))
        let n = fixture.segments.count
        for item in fixture.cases {
            let graph = Graph(seed: 0, isTraining: false)
            let power = graph.constant(Tensor(shape: [1, 1], scalars: [item.power]))
            let layers = AttentionLayers(graph: graph, weights: ["pool.h0.gate.pow": power], slope: 0.01)
            let x = graph.constant(Tensor(shape: [n, 3], scalars: fixture.x))
            let gate = graph.matmul(x, graph.constant(Tensor(shape: [3, 1], scalars: item.gate_weight)))
                + graph.constant(Tensor(shape: [1], scalars: [item.gate_bias]))
            let weights = graph.constant(Tensor(shape: [n, 1], scalars: fixture.weights))
            let attention = layers.attention(gate, weights: weights, logWeights: graph.constant(AttentionLayers.logarithms(weights.value)),
                                             powerName: "pool.h0.gate.pow", segments: fixture.segments, segmentCount: 4)
            let pooled = graph.segmentSum(attention * x, segments: fixture.segments, segmentCount: 4)
            XCTAssertEqual(pooled.value.shape, [4, 3])
            for (got, expected) in zip(pooled.value.scalars, item.pooled) {
                XCTAssertEqual(got, expected, accuracy: 2e-6, "power \(item.power)")
            }
        }
    }

    /// With every power at 1 the learned model predicts what the fixed model with the same other
    /// weights predicts: the thesis' form is the special case p = 1.
    func testPowerOneIsTheThesisForm() throws {
        let embedding = ElementEmbedding.oneHot
        let fixed = RoostConfig.tiny(embeddingDimension: embedding.dimension)
        let learned = RoostConfig.tiny(embeddingDimension: embedding.dimension, attentionPower: .learned)
        let fixedModel = RoostModel(config: fixed, seed: 7)
        var parameters = RoostModel(config: learned, seed: 7).parameters
        let powers = parameters.names.filter { $0.hasSuffix(".gate.pow") }
        XCTAssertEqual(powers.count, fixed.messageLayers * fixed.messageHeads + fixed.poolingHeads)
        for name in powers { parameters[name] = Tensor(shape: [1, 1], scalars: [1]) }
        for name in fixedModel.parameters.names {
            XCTAssertEqual(parameters[name]?.scalars, fixedModel.parameters[name]?.scalars, "\(name): the powers come last, the rest initialise alike")
        }
        let learnedModel = try RoostModel(config: learned, parameters: parameters)
        let inputs: [[(z: Int, amount: Double)]] = [[(26, 2), (8, 3)], [(3, 1), (11, 2), (17, 3)], [(29, 1)], [(1, 0.5), (3, 1), (8, 1)]]
        let a = try fixedModel.predict(elementAmounts: inputs, embedding: embedding)
        let b = try learnedModel.predict(elementAmounts: inputs, embedding: embedding)
        for (x, y) in zip(a.mean + a.logStandardDeviation, b.mean + b.logStandardDeviation) { XCTAssertEqual(x, y, accuracy: 1e-5) }
        // Another power changes the prediction of a multi-element composition, not of an element.
        for name in powers { parameters[name] = Tensor(shape: [1, 1], scalars: [-0.5]) }
        let c = try RoostModel(config: learned, parameters: parameters).predict(elementAmounts: inputs, embedding: embedding)
        XCTAssertGreaterThan(abs(c.mean[0] - a.mean[0]), 1e-4)
        XCTAssertEqual(c.mean[2], a.mean[2], accuracy: 1e-5, "one element: its weight is 1 under any power")
    }

    /// A fixed configuration writes the JSON earlier versions wrote (no `attentionPower` key), a
    /// file without the key reads as fixed, and a learned one round-trips.
    func testConfigCoding() throws {
        let fixed = RoostConfig.tiny(embeddingDimension: 5)
        let text = String(decoding: try JSONEncoder().encode(fixed), as: UTF8.self)
        XCTAssertFalse(text.contains("attentionPower"), text)
        XCTAssertEqual(try JSONDecoder().decode(RoostConfig.self, from: Data(text.utf8)).attentionPower, .fixed)
        let learned = RoostConfig.tiny(embeddingDimension: 5, attentionPower: .learned)
        let data = try JSONEncoder().encode(learned)
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("\"attentionPower\":\"learned\""))
        XCTAssertEqual(try JSONDecoder().decode(RoostConfig.self, from: data), learned)
        XCTAssertThrowsError(try RoostModel(config: learned, parameters: RoostModel(config: fixed, seed: 1).parameters),
                             "a fixed model's weights lack the powers")
    }
}
