import XCTest
@testable import Learning

/// Gradient checks of the recurrent building blocks (tanh and an LSTM-style gated step).
final class RecurrentGradientTests: XCTestCase {
    func testTanhMatchesFiniteDifferencesAndValues() {
        let x = randomTensor([3, 4], seed: 21, scale: 1.5)
        checkGradients([x]) { graph, v in graph.tanh(v[0]) }
        let graph = Graph()
        let values = graph.tanh(graph.constant(Tensor([-30, -1, 0, 0.5, 30]))).value.scalars
        XCTAssertEqual(values[0], -1, accuracy: 1e-6)
        XCTAssertEqual(values[1], -0.7615942, accuracy: 1e-6)
        XCTAssertEqual(values[2], 0, accuracy: 1e-7)
        XCTAssertEqual(values[3], 0.46211716, accuracy: 1e-6)
        XCTAssertEqual(values[4], 1, accuracy: 1e-6)
    }

    func testGatedCellStepMatchesFiniteDifferences() {
        // c' = σ(f)·c + σ(i)·tanh(g); h' = σ(o)·tanh(c'): the LSTM update on small random inputs.
        let inputs = (0..<5).map { randomTensor([2, 3], seed: 40 + UInt64($0)) }
        checkGradients(inputs) { graph, v in
            let cell = graph.sigmoid(v[0]) * v[1] + graph.sigmoid(v[2]) * graph.tanh(v[3])
            return graph.sigmoid(v[4]) * graph.tanh(cell)
        }
    }
}
