import Foundation
import XCTest
@testable import Learning

final class SegmentSoftmaxTests: XCTestCase {
    let segments = [0, 0, 0, 1, 1, 2]

    func attention(_ scores: Tensor, weights: Tensor? = nil) -> Tensor {
        let g = Graph()
        if let weights {
            return g.weightedSegmentSoftmax(g.constant(scores), weights: g.constant(weights), segments: segments, segmentCount: 3).value
        }
        return g.segmentSoftmax(g.constant(scores), segments: segments, segmentCount: 3).value
    }

    func segmentTotals(_ a: Tensor) -> [Float] {
        let g = Graph()
        return g.segmentSum(g.constant(a), segments: segments, segmentCount: 3).value.scalars
    }

    func testSumsToOnePerSegmentAndHead() {
        let scores = randomTensor([6, 2], seed: 1, scale: 3)
        for total in segmentTotals(attention(scores)) { XCTAssertEqual(total, 1, accuracy: 1e-6) }
        let weights = Tensor(shape: [6, 1], scalars: [0.2, 0.3, 0.5, 0.9, 0.1, 1])
        for total in segmentTotals(attention(scores, weights: weights)) { XCTAssertEqual(total, 1, accuracy: 1e-6) }
    }

    func testInvariantToAConstantPerSegment() {
        let scores = randomTensor([6, 2], seed: 2)
        let offsets: [Float] = [16, -8, 4]
        let shifted = Tensor(shape: [6, 2], scalars: scores.scalars.enumerated().map { i, v in v + offsets[segments[i / 2]] })
        let weights = Tensor([0.2, 0.3, 0.5, 0.9, 0.1, 1])
        for (x, y) in zip(attention(scores).scalars, attention(shifted).scalars) { XCTAssertEqual(x, y, accuracy: 1e-5) }
        for (x, y) in zip(attention(scores, weights: weights).scalars, attention(shifted, weights: weights).scalars) {
            XCTAssertEqual(x, y, accuracy: 1e-5)
        }
    }

    func testWeightsMultiplyExponentials() {
        // One segment, scores 0 and log 2: unweighted 1/3, 2/3; weights 3 and 1 give 3/5, 2/5.
        let g = Graph()
        let a = g.weightedSegmentSoftmax(g.constant(Tensor([0, Float(Foundation.log(2.0))])), weights: g.constant(Tensor([3, 1])),
                                         segments: [0, 0], segmentCount: 1).value
        XCTAssertEqual(a.scalars[0], 0.6, accuracy: 1e-6)
        XCTAssertEqual(a.scalars[1], 0.4, accuracy: 1e-6)
        // Equal weights reduce to the plain softmax; huge scores do not overflow.
        let plain = attention(Tensor(shape: [6, 1], scalars: [1000, 999, 998, -3, 88, 0]))
        XCTAssertTrue(plain.scalars.allSatisfy(\.isFinite))
        XCTAssertEqual(plain.scalars[5], 1)
        let same = attention(Tensor(shape: [6, 1], scalars: [1000, 999, 998, -3, 88, 0]), weights: Tensor(repeating: 0.5, shape: [6]))
        for (x, y) in zip(plain.scalars, same.scalars) { XCTAssertEqual(x, y, accuracy: 1e-5) }
    }

    func testZeroWeightSegmentGivesZeros() {
        let a = attention(Tensor(shape: [6, 1], scalars: [1, 2, 3, 4, 5, 6]), weights: Tensor([1, 0, 1, 0, 0, 1]))
        XCTAssertEqual(a.scalars[1], 0)
        XCTAssertEqual(Array(a.scalars[3...4]), [0, 0])
        XCTAssertEqual(a.scalars[5], 1)
    }
}
