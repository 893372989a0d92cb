import Discovery
import XCTest

final class RollingErrorTests: XCTestCase {
    func testWindowMeansAndStandardErrors() throws {
        // Errors 0.01, 0.03 at truth -0.01, 0.0; error 0.2 at truth 0.1.
        let samples = [
            ScreeningSample(id: "a", trueEnergyAboveHull: -0.01, predictedEnergyAboveHull: 0.0),
            ScreeningSample(id: "b", trueEnergyAboveHull: 0.0, predictedEnergyAboveHull: -0.03),
            ScreeningSample(id: "c", trueEnergyAboveHull: 0.1, predictedEnergyAboveHull: 0.3),
        ]
        let curve = try RollingError(samples: samples, window: 0.04, lower: 0, upper: 0.1, step: 0.05)
        XCTAssertEqual(curve.points.map(\.centre), [0, 0.05, 0.1])
        XCTAssertEqual(curve.points.map(\.count), [2, 0, 1])
        XCTAssertEqual(try XCTUnwrap(curve.points[0].meanAbsoluteError), 0.02, accuracy: 1e-12)
        // Sample sd of {0.01, 0.03} is 0.01·√2; divided by √2 gives 0.01.
        XCTAssertEqual(try XCTUnwrap(curve.points[0].standardError), 0.01, accuracy: 1e-12)
        XCTAssertNil(curve.points[1].meanAbsoluteError)
        XCTAssertEqual(try XCTUnwrap(curve.points[2].meanAbsoluteError), 0.2, accuracy: 1e-12)
        XCTAssertNil(curve.points[2].standardError)
    }

    func testRejectsBadGrid() {
        XCTAssertThrowsError(try RollingError(samples: [], window: 0))
        XCTAssertThrowsError(try RollingError(samples: [], lower: 1, upper: 0))
    }
}
