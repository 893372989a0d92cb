import Foundation
import XCTest
@testable import Learning

/// End-to-end: a two-layer perceptron fits y = sin(x), reproducibly.
final class TrainingTests: XCTestCase {
    func initialParameters(seed: UInt64) -> Parameters {
        var generator = SeededGenerator(seed: seed)
        let hidden = 32
        return Parameters([
            "w1": Tensor.randomNormal([1, hidden], standardDeviation: 1, generator: &generator),
            "b1": Tensor.randomUniform([hidden], lower: -3, upper: 3, generator: &generator),
            "w2": Tensor.randomNormal([hidden, 1], standardDeviation: Float(1 / Double(hidden).squareRoot()), generator: &generator),
            "b2": Tensor.zeros([1]),
        ])
    }

    /// Trains for `steps` full-batch steps; returns the final parameters and the loss history.
    func train(seed: UInt64, steps: Int) throws -> (Parameters, [Float]) {
        let n = 64
        let xs = (0..<n).map { Float(-3.0 + 6.0 * Double($0) / Double(n - 1)) }
        let x = Tensor(shape: [n, 1], scalars: xs)
        let y = Tensor(shape: [n, 1], scalars: xs.map { Float(Foundation.sin(Double($0))) })
        var parameters = initialParameters(seed: seed)
        var optimiser = AdamW(learningRate: 0.02, weightDecay: 1e-4)
        var losses: [Float] = []
        for step in 0..<steps {
            let g = Graph(seed: UInt64(step))
            let p = g.parameters(parameters)
            guard let w1 = p["w1"], let b1 = p["b1"], let w2 = p["w2"], let b2 = p["b2"] else {
                throw XCTSkip("missing parameter")
            }
            let hidden = g.silu(g.linear(g.constant(x), weight: w1, bias: b1))
            let loss = g.mseLoss(g.linear(hidden, weight: w2, bias: b2), target: y)
            losses.append(loss.value.scalars[0])
            g.backward(from: loss)
            try optimiser.step(&parameters, gradients: g.parameterGradients())
        }
        return (parameters, losses)
    }

    func testTwoLayerPerceptronFitsSine() throws {
        let (_, losses) = try train(seed: 1, steps: 400)
        let first = try XCTUnwrap(losses.first), last = try XCTUnwrap(losses.last)
        XCTAssertGreaterThan(first, 0.1)
        XCTAssertLessThan(last, 2e-3, "final MSE \(last) (started at \(first))")
    }

    func testSameSeedGivesIdenticalWeights() throws {
        let (a, lossesA) = try train(seed: 5, steps: 30)
        let (b, lossesB) = try train(seed: 5, steps: 30)
        let (c, _) = try train(seed: 6, steps: 30)
        XCTAssertEqual(a, b)
        XCTAssertEqual(lossesA, lossesB)
        XCTAssertNotEqual(a, c)
    }
}
