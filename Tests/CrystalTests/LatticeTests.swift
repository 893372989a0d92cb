import Crystal
import XCTest

final class LatticeTests: XCTestCase {
    func testCubicMatrixAndVolume() throws {
        let lattice = try Lattice(a: 4, b: 4, c: 4, alpha: 90, beta: 90, gamma: 90)
        XCTAssertEqual(lattice.matrix, Matrix3(Vector3(4, 0, 0), Vector3(0, 4, 0), Vector3(0, 0, 4)))
        XCTAssertEqual(lattice.volume, 64, accuracy: 1e-12)
    }

    func testHexagonalConventionAAlongXBInXYPlane() throws {
        let lattice = try Lattice(a: 3, b: 3, c: 5, alpha: 90, beta: 90, gamma: 120)
        XCTAssertEqual(lattice.matrix.r0, Vector3(3, 0, 0))
        XCTAssertEqual(lattice.matrix.r1.z, 0)
        XCTAssertEqual(lattice.matrix.r1.x, -1.5, accuracy: 1e-12)
        XCTAssertEqual(lattice.volume, 3 * 3 * 5 * (3.0).squareRoot() / 2, accuracy: 1e-9)
    }

    func testParametersRoundTripForTriclinicCell() throws {
        let p = LatticeParameters(a: 5.1, b: 6.2, c: 7.3, alpha: 81, beta: 97.5, gamma: 105)
        let back = try Lattice(parameters: p).parameters
        XCTAssertEqual(back.a, p.a, accuracy: 1e-10)
        XCTAssertEqual(back.b, p.b, accuracy: 1e-10)
        XCTAssertEqual(back.c, p.c, accuracy: 1e-10)
        XCTAssertEqual(back.alpha, p.alpha, accuracy: 1e-9)
        XCTAssertEqual(back.beta, p.beta, accuracy: 1e-9)
        XCTAssertEqual(back.gamma, p.gamma, accuracy: 1e-9)
    }

    func testReciprocalAndCoordinateConversion() throws {
        let lattice = try Lattice(a: 5.1, b: 6.2, c: 7.3, alpha: 81, beta: 97.5, gamma: 105)
        let r = lattice.reciprocal.matrix
        for i in 0..<3 {
            for j in 0..<3 {
                XCTAssertEqual(dot(lattice.matrix.row(i), r.row(j)), i == j ? 2 * Double.pi : 0, accuracy: 1e-10)
            }
        }
        XCTAssertEqual(lattice.reciprocalCrystallographic.volume * lattice.volume, 1, accuracy: 1e-10)
        let f = Vector3(0.1, 0.7, -0.3)
        let back = lattice.fractional(lattice.cartesian(f))
        XCTAssertEqual(length(back - f), 0, accuracy: 1e-12)
        XCTAssertEqual(lattice.cartesian(Vector3(1, 0, 0)), lattice.matrix.r0)
    }

    func testDegenerateCellsAreRejected() {
        XCTAssertThrowsError(try Lattice(a: 0, b: 1, c: 1, alpha: 90, beta: 90, gamma: 90)) {
            XCTAssertEqual($0 as? LatticeError, .nonPositiveLength(name: "a", value: 0))
        }
        XCTAssertThrowsError(try Lattice(a: .nan, b: 1, c: 1, alpha: 90, beta: 90, gamma: 90)) {
            XCTAssertEqual($0 as? LatticeError, .nonFinite("cell parameter a"))
        }
        XCTAssertThrowsError(try Lattice(a: 1, b: 1, c: 1, alpha: 90, beta: -10, gamma: 90)) {
            XCTAssertEqual($0 as? LatticeError, .angleOutOfRange(name: "beta", value: -10))
        }
        // 120° three times closes no cell (zero volume).
        XCTAssertThrowsError(try Lattice(a: 1, b: 1, c: 1, alpha: 120, beta: 120, gamma: 120)) {
            guard case .degenerateVolume? = $0 as? LatticeError else { return XCTFail("\($0)") }
        }
        // Coplanar vectors and a left-handed matrix.
        XCTAssertThrowsError(try Lattice(matrix: Matrix3(Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(1, 1, 0))))
        XCTAssertThrowsError(try Lattice(matrix: Matrix3(Vector3(1, 0, 0), Vector3(0, 1, 0), Vector3(0, 0, -1)))) {
            XCTAssertEqual($0 as? LatticeError, .degenerateVolume(volume: -1))
        }
    }
}
