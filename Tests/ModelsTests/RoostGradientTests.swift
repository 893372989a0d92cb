import Chemistry
import XCTest
@testable import Learning
@testable import Models

/// Finite-difference check of a whole Roost forward and backward pass.
final class RoostGradientTests: XCTestCase {
    func testWholeRoostGradientsMatchFiniteDifferences() throws {
        try checkGradients(power: .fixed)
    }

    /// The learnable attention powers (aviary's form) included.
    func testWholeRoostGradientsWithLearnedAttentionPowerMatchFiniteDifferences() throws {
        try checkGradients(power: .learned)
    }

    private func checkGradients(power: AttentionPower) throws {
        let embedding = try TestData.smallEmbedding()
        var config = TestData.microConfig(embeddingDimension: embedding.dimension)
        config.attentionPower = power
        let batch = try CompositionBatch(
            compositions: try ["Fe2O3", "NaCl", "LiH0.5O"].map { try Composition(formula: $0) }, embedding: embedding)
        let model = RoostModel(config: config, seed: 11)
        let target = Tensor(shape: [3, 1], scalars: [0.7, -1.2, 2.5])
        var generator = SeededGenerator(seed: 5)
        let projection = Tensor.randomNormal([3, 1], generator: &generator)

        // The loss: robust L1 plus a random projection of μ, so both outputs matter everywhere.
        func loss(_ graph: Graph, _ weights: [String: Variable]) -> Variable {
            let out = model.forward(batch, on: graph, weights: weights)
            let robust = graph.robustL1Loss(mean: out.mean, logStandardDeviation: out.logStandardDeviation, target: target)
            return robust + graph.sum(out.mean * graph.constant(projection))
        }
        func value(_ parameters: Parameters) -> Double {
            let graph = Graph(seed: 1, isTraining: false)
            return Double(loss(graph, graph.parameters(parameters)).value.scalars[0])
        }

        let graph = Graph(seed: 1, isTraining: false)
        graph.backward(from: loss(graph, graph.parameters(model.parameters)))
        let gradients = graph.parameterGradients()
        let h: Float = 1e-2
        var checked = 0
        for (name, tensor) in model.parameters {
            let analytic = try XCTUnwrap(gradients[name], name)
            XCTAssertEqual(analytic.shape, tensor.shape, name)
            for element in 0..<tensor.count {
                var plus = model.parameters, minus = model.parameters
                plus[name]?.scalars[element] += h
                minus[name]?.scalars[element] -= h
                let step = Double(tensor.scalars[element] + h) - Double(tensor.scalars[element] - h)
                let numeric = (value(plus) - value(minus)) / step
                let got = Double(analytic.scalars[element])
                XCTAssertLessThanOrEqual(abs(got - numeric), 2e-3 + 1e-2 * abs(numeric),
                                         "\(name)[\(element)]: tape \(got), finite difference \(numeric)")
                checked += 1
            }
        }
        XCTAssertEqual(checked, model.parameters.scalarCount)
        XCTAssertGreaterThan(checked, 500)
    }
}
