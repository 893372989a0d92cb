import XCTest
@testable import Learning

/// A finite-difference gradient check for every differentiable operation and loss.
final class GradientTests: XCTestCase {
    let a = randomTensor([3, 4], seed: 1)
    let b = randomTensor([3, 4], seed: 2)
    let row = randomTensor([4], seed: 3)
    let column = randomTensor([3, 1], seed: 4)

    func testAddSubtractWithBroadcasting() {
        checkGradients([a, b]) { g, v in g.add(v[0], v[1]) }
        checkGradients([a, row]) { g, v in g.add(v[0], v[1]) }
        checkGradients([row, a]) { g, v in g.subtract(v[0], v[1]) }
        checkGradients([a, column]) { g, v in g.subtract(v[0], v[1]) }
        checkGradients([randomTensor([2, 3, 4], seed: 8), randomTensor([3, 1], seed: 9)]) { g, v in g.multiply(v[0], v[1]) }
        checkGradients([randomTensor([2, 1, 4], seed: 8), randomTensor([3, 1], seed: 9)]) { g, v in g.add(v[0], v[1]) }
    }

    func testParameterGradientsIncludeUnusedParameters() {
        let g = Graph()
        let used = g.parameter("used", Tensor([1, 2]))
        _ = g.parameter("unused", Tensor([5]))
        let loss = g.sum(g.multiply(used, used))
        g.backward(from: loss)
        let grads = g.parameterGradients()
        XCTAssertEqual(grads["used"], Tensor([2, 4]))
        XCTAssertEqual(grads["unused"], Tensor([0]))
    }

    func testMultiplyDivideWithBroadcasting() {
        let positive = randomTensor([4], seed: 5).map { abs($0) + 0.5 }
        let positiveColumn = randomTensor([3, 1], seed: 6).map { abs($0) + 0.5 }
        checkGradients([a, b]) { g, v in g.multiply(v[0], v[1]) }
        checkGradients([a, row]) { g, v in g.multiply(v[0], v[1]) }
        checkGradients([a, positive]) { g, v in g.divide(v[0], v[1]) }
        checkGradients([a, positiveColumn]) { g, v in g.divide(v[0], v[1]) }
        checkGradients([a]) { g, v in g.shift(g.scale(g.negate(v[0]), by: 2.5), by: 1) }
        checkGradients([Tensor(scalar: 0.7), a]) { g, v in v[0] * v[1] }
    }

    func testMatmulAllTransposes() {
        let x = randomTensor([3, 5], seed: 10), y = randomTensor([5, 2], seed: 11)
        checkGradients([x, y]) { g, v in g.matmul(v[0], v[1]) }
        checkGradients([randomTensor([5, 3], seed: 12), y]) { g, v in g.matmul(v[0], v[1], transposeA: true) }
        checkGradients([x, randomTensor([2, 5], seed: 13)]) { g, v in g.matmul(v[0], v[1], transposeB: true) }
        checkGradients([randomTensor([5, 3], seed: 14), randomTensor([2, 5], seed: 15)]) { g, v in
            g.matmul(v[0], v[1], transposeA: true, transposeB: true)
        }
    }

    func testLinear() {
        let x = randomTensor([4, 3], seed: 20), w = randomTensor([3, 2], seed: 21), bias = randomTensor([2], seed: 22)
        checkGradients([x, w, bias]) { g, v in g.linear(v[0], weight: v[1], bias: v[2]) }
        checkGradients([x, w]) { g, v in g.linear(v[0], weight: v[1]) }
    }

    func testActivations() {
        let x = randomTensor([3, 4], seed: 30, gap: 0.1)
        checkGradients([x]) { g, v in g.relu(v[0]) }
        checkGradients([x]) { g, v in g.leakyRelu(v[0]) }
        checkGradients([x]) { g, v in g.leakyRelu(v[0], slope: 0.2) }
        checkGradients([x]) { g, v in g.silu(v[0]) }
        checkGradients([x]) { g, v in g.sigmoid(v[0]) }
    }

    func testExpLog() {
        checkGradients([a]) { g, v in g.exp(v[0]) }
        checkGradients([a.map { abs($0) + 0.5 }]) { g, v in g.log(v[0]) }
    }

    func testConcatenateGatherReshape() {
        let c = randomTensor([3, 2], seed: 40)
        checkGradients([a, c, randomTensor([3, 1], seed: 41)]) { g, v in g.concatenate(v) }
        checkGradients([a]) { g, v in g.gather(v[0], indices: [2, 0, 2, 1, 2]) }
        checkGradients([a]) { g, v in g.reshape(v[0], [2, 6]) }
    }

    let segments = [0, 0, 1, 2, 2, 2, 4]  // segment 3 is empty
    var x7: Tensor { randomTensor([7, 3], seed: 50) }

    func testSegmentSumAndMean() {
        checkGradients([x7]) { g, v in g.segmentSum(v[0], segments: self.segments, segmentCount: 5) }
        checkGradients([x7]) { g, v in g.segmentMean(v[0], segments: self.segments, segmentCount: 5) }
    }

    func testSegmentSoftmax() {
        checkGradients([x7]) { g, v in g.segmentSoftmax(v[0], segments: self.segments, segmentCount: 5) }
    }

    func testWeightedSegmentSoftmax() {
        let weights = randomTensor([7, 1], seed: 51).map { abs($0) + 0.2 }
        checkGradients([x7, weights]) { g, v in
            g.weightedSegmentSoftmax(v[0], weights: v[1], segments: self.segments, segmentCount: 5)
        }
        let perHead = randomTensor([7, 3], seed: 52).map { abs($0) + 0.2 }
        checkGradients([x7, perHead]) { g, v in
            g.weightedSegmentSoftmax(v[0], weights: v[1], segments: self.segments, segmentCount: 5)
        }
    }

    func testDropoutWithFixedSeed() {
        checkGradients([a]) { g, v in g.dropout(v[0], rate: 0.4) }
    }

    func testReductions() {
        checkGradients([a]) { g, v in g.sum(v[0]) }
        checkGradients([a]) { g, v in g.mean(v[0]) }
        let cube = randomTensor([2, 3, 4], seed: 60)
        for axis in [0, 1, 2, -1] {
            checkGradients([cube]) { g, v in g.sum(v[0], alongAxis: axis) }
            checkGradients([cube]) { g, v in g.mean(v[0], alongAxis: axis, keepingDimension: true) }
        }
    }

    func testLosses() {
        let prediction = randomTensor([6], seed: 70)
        // Keep residuals away from 0, where |·| has a kink.
        let target = prediction + randomTensor([6], seed: 71, gap: 0.2)
        let logStd = randomTensor([6], seed: 72, scale: 0.5)
        checkGradients([prediction]) { g, v in g.l1Loss(v[0], target: target) }
        checkGradients([prediction]) { g, v in g.mseLoss(v[0], target: target) }
        checkGradients([prediction, logStd]) { g, v in
            g.robustL1Loss(mean: v[0], logStandardDeviation: v[1], target: target)
        }
        checkGradients([prediction, logStd]) { g, v in
            g.robustL2Loss(mean: v[0], logStandardDeviation: v[1], target: target)
        }
        let probabilities = Tensor([0, 1, 0.3, 0.9, 1, 0])
        checkGradients([prediction * 3]) { g, v in g.binaryCrossEntropyWithLogits(v[0], target: probabilities) }
        checkGradients([randomTensor([4, 3], seed: 73, scale: 2)]) { g, v in
            g.crossEntropyWithLogits(v[0], labels: [2, 0, 1, 2])
        }
    }

    func testComposedNetwork() {
        // A small attention block: gather, concatenate, linear, LeakyReLU, weighted softmax,
        // weighted sum per segment, robust loss: the shape of a Roost layer.
        let nodes = randomTensor([4, 3], seed: 80)
        let w1 = randomTensor([6, 5], seed: 81, scale: 0.5), b1 = randomTensor([5], seed: 82)
        let w2 = randomTensor([5, 1], seed: 83, scale: 0.5)
        let source = [0, 0, 1, 1, 2, 2, 3], target = [0, 1, 0, 1, 2, 3, 3]
        let weights = Tensor(shape: [7, 1], scalars: [0.5, 0.5, 0.25, 0.25, 0.6, 0.4, 1])
        checkGradients([nodes, w1, b1, w2]) { g, v in
            let pairs = g.concatenate([g.gather(v[0], indices: source), g.gather(v[0], indices: target)])
            let hidden = g.leakyRelu(g.linear(pairs, weight: v[1], bias: v[2]))
            let scores = g.matmul(hidden, v[3])
            let attention = g.weightedSegmentSoftmax(scores, weights: g.constant(weights), segments: source, segmentCount: 4)
            let pooled = g.segmentSum(attention * g.silu(hidden), segments: source, segmentCount: 4)
            return g.robustL1Loss(mean: g.mean(pooled, alongAxis: 1), logStandardDeviation: g.constant(Tensor.zeros([4])),
                                  target: Tensor([1, -1, 0.5, 2]))
        }
    }
}
