import XCTest
@testable import Learning

/// Compares the tape's gradients with central finite differences.
///
/// `build` maps the input variables to any output; the check reduces it to a scalar with a fixed
/// random projection (so every output element matters), differentiates that on the tape, then
/// perturbs every element of every input by ±h and recomputes the projection in Double.
func checkGradients(
    _ inputs: [Tensor],
    step h: Float = 1e-2,
    absoluteTolerance: Double = 2e-3,
    relativeTolerance: Double = 1e-2,
    file: StaticString = #filePath, line: UInt = #line,
    _ build: (Graph, [Variable]) -> Variable
) {
    let graph = Graph(seed: 7)
    let variables = inputs.map { graph.variable($0) }
    let output = build(graph, variables)
    var generator = SeededGenerator(seed: 99)
    let projection = Tensor.randomNormal(output.shape, generator: &generator)
    let loss = graph.sum(graph.multiply(output, graph.constant(projection)))
    graph.backward(from: loss)

    func projected(_ perturbed: [Tensor]) -> Double {
        let g = Graph(seed: 7)
        let out = build(g, perturbed.map { g.variable($0) }).value
        var total = 0.0
        for (a, b) in zip(out.scalars, projection.scalars) { total += Double(a) * Double(b) }
        return total
    }

    for (index, input) in inputs.enumerated() {
        let analytic = graph.gradient(of: variables[index]) ?? Tensor.zeros(input.shape)
        XCTAssertEqual(analytic.shape, input.shape, "gradient shape of input \(index)", file: file, line: line)
        for element in 0..<input.count {
            var plus = inputs, minus = inputs
            plus[index].scalars[element] += h
            minus[index].scalars[element] -= h
            let step = Double(plus[index].scalars[element]) - Double(minus[index].scalars[element])
            let numeric = (projected(plus) - projected(minus)) / step
            let got = Double(analytic.scalars[element])
            let tolerance = absoluteTolerance + relativeTolerance * abs(numeric)
            XCTAssertLessThanOrEqual(abs(got - numeric), tolerance,
                                     "input \(index) element \(element): tape \(got), finite difference \(numeric)",
                                     file: file, line: line)
        }
    }
}

/// A seeded random tensor for tests, with every element at least `gap` away from zero when
/// `gap` > 0 (to keep kinks such as ReLU's out of the finite-difference stencil).
func randomTensor(_ shape: [Int], seed: UInt64, scale: Float = 1, gap: Float = 0) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    let t = Tensor.randomNormal(shape, standardDeviation: scale, generator: &generator)
    guard gap > 0 else { return t }
    return t.map { abs($0) < gap ? ($0 < 0 ? -gap : gap) - $0 * 0.1 : $0 }
}
