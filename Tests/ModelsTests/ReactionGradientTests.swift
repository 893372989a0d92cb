import XCTest
@testable import Learning
@testable import Models

/// Finite-difference checks of the whole reaction model and of the action autoencoder.
final class ReactionGradientTests: XCTestCase {
    /// Compares tape gradients of `loss` with central differences for up to `perTensor` strided
    /// elements of every parameter tensor; returns how many elements were checked.
    private func check(_ parameters: Parameters, perTensor: Int, step h: Float = 1e-2, _ loss: (Graph, [String: Variable]) -> Variable,
                       file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        func value(_ p: Parameters) -> Double {
            let graph = Graph(seed: 1, isTraining: false)
            return Double(loss(graph, graph.parameters(p)).value.scalars[0])
        }
        let graph = Graph(seed: 1, isTraining: false)
        graph.backward(from: loss(graph, graph.parameters(parameters)))
        let gradients = graph.parameterGradients()
        var checked = 0
        for (name, tensor) in parameters {
            let analytic = try XCTUnwrap(gradients[name], name)
            let stride = max(1, tensor.count / perTensor)
            for element in Swift.stride(from: 0, to: tensor.count, by: stride) {
                var plus = parameters, minus = parameters
                plus[name]?.scalars[element] += h
                minus[name]?.scalars[element] -= h
                let step = Double(tensor.scalars[element] + h) - Double(tensor.scalars[element] - h)
                let numeric = (value(plus) - value(minus)) / step
                let got = Double(analytic.scalars[element])
                XCTAssertLessThanOrEqual(abs(got - numeric), 2e-3 + 1e-2 * abs(numeric),
                                         "\(name)[\(element)]: tape \(got), finite difference \(numeric)", file: file, line: line)
                checked += 1
            }
        }
        return checked
    }

    func testWholeReactionModelGradientsMatchFiniteDifferences() throws {
        let samples = Array(try ReactionFixtures.samples().prefix(4))
        var generator = SeededGenerator(seed: 3)
        let actions = samples.map { _ in (0..<3).map { _ in generator.nextStandardNormal() } }
        let standardisation = FeatureStandardisation(fitting: samples.flatMap { $0.precursorCompositions.map(PrecursorDescriptors.describe) })
        let batch = ReactionBatch(samples: samples, actionEmbeddings: actions, standardisation: standardisation, actionDimension: 3)
        let model = ReactionModel(config: ReactionFixtures.microConfig(actionDimension: 3), seed: 17)
        let projection = Tensor.randomNormal([4, 5], generator: &generator)
        // BCE + L1 plus a random projection of the reaction embedding, so every output matters.
        let checked = try check(model.parameters, perTensor: 12, step: 2e-3) { graph, weights in
            let loss = model.loss(batch, on: graph, weights: weights).total
            let embedding = model.forward(batch, on: graph, weights: weights).embedding
            return loss + graph.sum(embedding * graph.constant(projection))
        }
        XCTAssertGreaterThan(checked, 400)
    }

    func testActionAutoencoderGradientsMatchFiniteDifferences() throws {
        let encoder = ActionEncoder(config: ReactionFixtures.microEncoder, seed: 5)
        let sequences = [[3, 0, 4], [1], [7, 3]]
        let checked = try check(encoder.parameters, perTensor: 1000) { graph, weights in
            encoder.reconstructionLoss(sequences, on: graph, weights: weights)
        }
        XCTAssertEqual(checked, encoder.parameters.scalarCount)
    }
}
