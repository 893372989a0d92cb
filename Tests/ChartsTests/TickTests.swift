@testable import Charts
import XCTest

/// Nice ticks and scales for known ranges.
final class TickTests: XCTestCase {
    func testUnitRangeGivesFifths() {
        XCTAssertEqual(NiceTicks.linear(0, 1), [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    func testRangeIsWidenedToNiceHundreds() {
        XCTAssertEqual(NiceTicks.linear(3, 970), [0, 200, 400, 600, 800, 1000])
    }

    func testNegativeRangeAndDegenerateRange() {
        XCTAssertEqual(NiceTicks.linear(-0.35, 0.12), [-0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2])
        let single = NiceTicks.linear(5, 5)
        XCTAssertLessThanOrEqual(single.first ?? 99, 5)
        XCTAssertGreaterThanOrEqual(single.last ?? -99, 5)
        XCTAssertEqual(NiceTicks.linear(.nan, 3), [0, 1])
    }

    func testLogTicksAreDecades() {
        XCTAssertEqual(NiceTicks.logarithmic(1, 1e4), [1, 10, 100, 1000, 10000])
        XCTAssertEqual(NiceTicks.logarithmic(0.03, 7), [0.01, 0.1, 1, 10])
        XCTAssertEqual(NiceTicks.logarithmic(-1, 10), [1, 10])
    }

    func testScalesMapEndsOntoPixels() {
        let linear = LinearScale(low: 3, high: 970, start: 100, end: 600)
        XCTAssertEqual(linear.position(0), 100)
        XCTAssertEqual(linear.position(1000), 600)
        XCTAssertEqual(linear.position(500), 350)
        let log = LogScale(low: 1, high: 1e4, start: 0, end: 400)
        XCTAssertEqual(log.position(100), 200, accuracy: 1e-9)
        XCTAssertEqual(log.position(0), 0)
        XCTAssertEqual(log.label(1000), "1000")
    }

    func testTickLabelsUseTheStepsDecimals() {
        XCTAssertEqual(NiceTicks.label(0.4, step: 0.2), "0.4")
        XCTAssertEqual(NiceTicks.label(600, step: 200), "600")
        XCTAssertEqual(NiceTicks.label(0.05, step: 0.05), "0.05")
    }

    func testColorScaleEndsAndClamping() {
        let scale = SequentialColorScale(low: 0, high: 10)
        XCTAssertEqual(scale.color(0), "#fde725")
        XCTAssertEqual(scale.color(10), "#440154")
        XCTAssertEqual(scale.color(99), "#440154")
        XCTAssertEqual(scale.color(.nan), "#fde725")
        XCTAssertEqual(SequentialColorScale(low: 0, high: 999, logarithmic: true).fraction(99), 2.0 / 3.0, accuracy: 1e-9)
    }
}
