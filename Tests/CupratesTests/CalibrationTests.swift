import Crystal
import Cuprates
import Foundation
import XCTest

/// The Huber calibration, k-means and the top-Tc selection.
final class CalibrationTests: XCTestCase {
    /// y = 0.5 a − 2 b + 3 with small deterministic noise and three gross outliers: the Huber fit
    /// stays near the truth where ordinary least squares (threshold ∞) is pulled away.
    func testHuberResistsOutliersWhereLeastSquaresDoesNot() throws {
        var predictors: [[Double]] = [], targets: [Double] = []
        for i in 0..<40 {
            let a = 10 + Double(i % 8) * 0.3, b = 3.8 + Double(i % 5) * 0.02
            predictors.append([a, b])
            targets.append(0.5 * a - 2 * b + 3 + 0.01 * sin(Double(i) * 1.7) + (i % 13 == 0 ? 2 : 0))
        }
        let huber = try HuberRegression(predictors: predictors, targets: targets)
        let squares = try HuberRegression(predictors: predictors, targets: targets, threshold: .infinity)
        XCTAssertEqual(huber.coefficients[0], 0.5, accuracy: 0.01)
        XCTAssertEqual(huber.coefficients[1], -2, accuracy: 0.3)
        XCTAssertGreaterThan(abs(squares.coefficients[2] - 3) + abs(squares.coefficients[1] + 2),
                             abs(huber.coefficients[2] - 3) + abs(huber.coefficients[1] + 2))
        XCTAssertTrue(huber.standardErrors.allSatisfy { $0.isFinite && $0 > 0 })
    }

    func testTooFewPointsAndSingularDesignAreReported() {
        XCTAssertThrowsError(try HuberRegression(predictors: [[1, 2], [2, 3], [3, 4]], targets: [1, 2, 3])) {
            XCTAssertEqual($0 as? RegressionError, .tooFewPoints(count: 3, needed: 4))
        }
        XCTAssertThrowsError(try HuberRegression(predictors: Array(repeating: [1, 2], count: 6), targets: [1, 2, 3, 4, 5, 6])) {
            XCTAssertEqual($0 as? RegressionError, .singularDesign)
        }
        let calibration = ApicalCalibration(family: .hg1201, points: [CalibrationPoint(id: "mp-6562", c: 9.8, aStar: 3.9, apicalDistance: 2.9)])
        XCTAssertEqual(calibration.missingReason, "too few structures (1 < 5)")
        XCTAssertNil(calibration.apicalDistance(c: 9.5, aStar: 3.88))
    }

    /// RE124 on the real MP structures (one per parent): a fit whose leave-one-out error is
    /// small, and which reproduces a held-in structure.
    func testRE124CalibrationOnRealStructures() throws {
        let files = ["mp-1214577", "mp-1214709", "mp-1214720", "mp-15039", "mp-6205", "mp-6583", "mp-6691", "mp-6710", "mp-6779"]
        var points: [CalibrationPoint] = []
        for file in files {
            let structure = try CupratesTestData.structure("mp/\(file).cif")
            XCTAssertEqual(FamilyClassifier().family(of: structure.composition), .re124, file)
            let geometry = try CopperOxygenAnalysis.analyse(structure)
            let c = try XCTUnwrap(geometry.stackingPeriod.flatMap { CuprateFamily.re124.repeatC(stackingPeriod: $0) })
            points.append(CalibrationPoint(id: file, c: c, aStar: geometry.aStar, apicalDistance: try XCTUnwrap(geometry.apicalDistance)))
        }
        let calibration = ApicalCalibration(family: .re124, points: points)
        XCTAssertNil(calibration.missingReason)
        let loo = try XCTUnwrap(calibration.leaveOneOutRMSE)
        print("RE124 calibration on \(points.count) MP structures: coefficients \(calibration.fit?.coefficients ?? []), LOO RMSE \(loo) Å")
        XCTAssertLessThan(loo, 0.1)
        XCTAssertLessThanOrEqual(try XCTUnwrap(calibration.leaveOneOutMAE), loo)
        let first = points[0]
        XCTAssertEqual(try XCTUnwrap(calibration.apicalDistance(c: first.c, aStar: first.aStar)), first.apicalDistance, accuracy: 0.1)
    }

    /// Two separated groups: k-means finds them, the same seed gives the same clusters, and the
    /// selection keeps the top 20 % (rounded up) of each by Tc.
    func testKMeansIsDeterministicAndSelectionKeepsTopFifthPerCluster() {
        var points: [[Double]] = [], tc: [Double] = []
        for i in 0..<10 {
            points.append([3.8 + 0.001 * Double(i), 11.7]); tc.append(Double(80 + i))
            points.append([3.9 + 0.001 * Double(i), 27.2]); tc.append(Double(40 + i))
        }
        let one = TopTcSelection(points: points, tc: tc, k: 2, seed: 7)
        let two = TopTcSelection(points: points, tc: tc, k: 2, seed: 7)
        XCTAssertEqual(one, two)
        XCTAssertEqual(one.clusterCount, 2)
        XCTAssertEqual(Set(stride(from: 0, to: 20, by: 2).map { one.clusters[$0] }).count, 1)
        XCTAssertNotEqual(one.clusters[0], one.clusters[1])
        let kept = tc.indices.filter { one.selected[$0] }.map { tc[$0] }.sorted()
        XCTAssertEqual(kept, [48, 49, 88, 89])
    }
}
