import XCTest
@testable import Learning

final class AdamWTests: XCTestCase {
    func testOneStepMatchesHandComputation() throws {
        var parameters = Parameters(["w": Tensor([1.0, -2.0]), "frozen": Tensor([3])])
        var optimiser = AdamW(learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.01)
        try optimiser.step(&parameters, gradients: ["w": Tensor([0.5, -0.25])])
        // Step 1: m̂ = g, v̂ = g², so the update is lr·g/(|g| + ε) = ±0.1 after decay θ(1 − lr·λ).
        let w = try XCTUnwrap(parameters["w"])
        XCTAssertEqual(w.scalars[0], 1.0 * (1 - 0.001) - 0.1 * 0.5 / (0.5 + 1e-8), accuracy: 1e-6)
        XCTAssertEqual(w.scalars[1], -2.0 * (1 - 0.001) + 0.1 * 0.25 / (0.25 + 1e-8), accuracy: 1e-6)
        XCTAssertEqual(parameters["frozen"], Tensor([3]), "no gradient, no update")

        // Step 2 with gradient 0.5 again on w[0]: m = 0.9·0.05 + 0.05 = 0.095, v = 0.999·0.00025 + 0.00025.
        let before = w.scalars[0]
        try optimiser.step(&parameters, gradients: ["w": Tensor([0.5, 0])])
        let m = 0.9 * 0.05 + 0.1 * 0.5, v = 0.999 * 0.00025 + 0.001 * 0.25
        let mHat = m / (1 - 0.81), vHat = v / (1 - 0.998001)
        let expected = Double(before) * (1 - 0.001) - 0.1 * mHat / (vHat.squareRoot() + 1e-8)
        XCTAssertEqual(Double(try XCTUnwrap(parameters["w"]).scalars[0]), expected, accuracy: 1e-6)
        XCTAssertEqual(optimiser.stepCount, 2)
    }

    func testRejectsUnknownOrMisshapenGradients() {
        var parameters = Parameters(["w": Tensor([1])])
        var optimiser = AdamW()
        XCTAssertThrowsError(try optimiser.step(&parameters, gradients: ["v": Tensor([1])])) {
            XCTAssertEqual($0 as? LearningError, .unknownParameter("v"))
        }
        XCTAssertThrowsError(try optimiser.step(&parameters, gradients: ["w": Tensor([1, 2])]))
        XCTAssertEqual(parameters["w"], Tensor([1]))
        XCTAssertEqual(optimiser.stepCount, 0)
    }
}
