import CurateIO
import Foundation
import XCTest

/// The bounded, ordered work queue: results reach the consumer in item order whatever the
/// threads' timing, and a consumer error stops the run.
final class OrderedParallelMapTests: XCTestCase {
    func testResultsArriveInItemOrderWithUnevenWork() {
        var seen: [Int] = []
        OrderedParallelMap.run(count: 200, jobs: 4, window: 8) { index in
            // Early items take longest, so later ones finish first.
            if index % 7 == 0 { usleep(UInt32(200 * (200 - index))) }
            return index * index
        } consume: { index, square in
            XCTAssertEqual(square, index * index)
            seen.append(index)
        }
        XCTAssertEqual(seen, Array(0..<200))
    }

    func testAConsumerErrorStopsTheRunAndIsRethrown() {
        struct Stop: Error {}
        var consumed = 0
        XCTAssertThrowsError(try OrderedParallelMap.run(count: 1000, jobs: 3) { $0 } consume: { index, _ in
            consumed += 1
            if index == 10 { throw Stop() }
        }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(consumed, 11)
    }

    func testOneJobRunsOnTheCallingThread() {
        var order: [Int] = []
        OrderedParallelMap.run(count: 5, jobs: 1) { $0 } consume: { _, value in order.append(value) }
        XCTAssertEqual(order, [0, 1, 2, 3, 4])
    }
}
