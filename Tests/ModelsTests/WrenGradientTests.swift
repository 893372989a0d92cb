import Chemistry
import Crystal
import XCTest
@testable import Learning
@testable import Models

/// Finite-difference check of a whole Wren forward and backward pass (augmentation included).
final class WrenGradientTests: XCTestCase {
    func testWholeWrenGradientsMatchFiniteDifferences() throws {
        let embedding = try TestData.smallEmbedding()
        let config = WrenTestData.microConfig(elementDimension: embedding.dimension)
        let inputs = [
            try WrenTestData.protostructure(148, [("Li", "a"), ("Fe", "b"), ("O", "f")]),  // two labellings
            try WrenTestData.protostructure(225, [("Na", "a"), ("Cl", "b")]),
            try WrenTestData.protostructure(12, [("Cu", "a"), ("O", "i"), ("O", "i")]),
        ]
        let batch = try WrenBatch(protostructures: inputs, elements: embedding)
        XCTAssertGreaterThan(batch.labellingCount, inputs.count)
        // (Seed 11 puts one message-network hidden unit within 2e-3 of its LeakyReLU kink for
        // one pair, where a central difference measures the average of the two slopes.)
        let model = WrenModel(config: config, seed: 13)
        let target = Tensor(shape: [3, 1], scalars: [0.7, -1.2, 2.5])
        var generator = SeededGenerator(seed: 5)
        let projection = Tensor.randomNormal([3, 1], generator: &generator)

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
        // Wyckoff inputs are site counts (up to 48 here), so their projection weights get a step
        // scaled down by the largest input of their row; every other weight a step of 2e-3.
        let width = batch.wyckoffFeatures.shape[1]
        var rowScale = [Float](repeating: 1, count: width)
        for (k, x) in batch.wyckoffFeatures.scalars.enumerated() { rowScale[k % width] = max(rowScale[k % width], abs(x)) }
        var checked = 0, nonZero = 0
        var worst = 0.0
        for (name, tensor) in model.parameters {
            let analytic = try XCTUnwrap(gradients[name], name)
            XCTAssertEqual(analytic.shape, tensor.shape, name)
            for element in 0..<tensor.count {
                let got = Double(analytic.scalars[element])
                // Wyckoff-projection rows of embedding entries that no node uses have zero
                // gradient exactly; check a sample of them and every other weight.
                if name == "embed.wyckoff.w", got == 0, element % 17 != 0 { continue }
                let h: Float = name == "embed.wyckoff.w" ? 2e-3 / rowScale[element / config.wyckoffFeatures] : 2e-3
                var plus = model.parameters, minus = model.parameters
                plus[name]?.scalars[element] += h
                minus[name]?.scalars[element] -= h
                let step = Double(tensor.scalars[element] + h) - Double(tensor.scalars[element] - h)
                let numeric = (value(plus) - value(minus)) / step
                XCTAssertLessThanOrEqual(abs(got - numeric), 2e-3 + 1e-2 * abs(numeric),
                                         "\(name)[\(element)]: tape \(got), finite difference \(numeric)")
                checked += 1
                if got != 0 { nonZero += 1 }
                worst = max(worst, abs(got - numeric))
            }
        }
        print("Wren gradient check: \(checked) weights compared, \(nonZero) with non-zero gradient, largest |tape − finite difference| \(worst)")
        XCTAssertGreaterThan(nonZero, 300)
    }
}
