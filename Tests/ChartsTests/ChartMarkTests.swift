@testable import Charts
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// Each chart draws one mark per datum, escapes text, writes finite coordinates only and
/// survives empty data.
final class ChartMarkTests: XCTestCase {
    private func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Parses the SVG as XML (libxml2 on Linux) and fails on a syntax error.
    private func assertWellFormed(_ svg: String, file: StaticString = #filePath, line: UInt = #line) {
        let parser = XMLParser(data: Data(svg.utf8))
        XCTAssertTrue(parser.parse(), "not well-formed: \(String(describing: parser.parserError))", file: file, line: line)
    }

    /// No attribute holds NaN or infinity.
    private func assertFinite(_ svg: String, file: StaticString = #filePath, line: UInt = #line) {
        for bad in ["nan", "NaN", "inf"] where svg.contains("=\"\(bad)") || svg.contains(",\(bad)") || svg.contains(" \(bad)\"") {
            XCTFail("non-finite value \(bad) in \(svg.prefix(300))", file: file, line: line)
        }
    }

    func testBarChartDrawsOneRectPerBarWithItsValue() {
        let bars = [BarChart.Bar("raw", 37409), BarChart.Bar("after dedup", 17376), BarChart.Bar("broken", .nan)]
        let svg = BarChart(id: "funnel", title: "Funnel", bars: bars, valueTitle: AxisTitle("rows")).svg()
        XCTAssertEqual(count("class=\"bar\"", in: svg), 2)
        XCTAssertTrue(svg.contains("data-value=\"37409\""))
        XCTAssertTrue(svg.contains("id=\"funnel\""))
        assertWellFormed(svg)
        assertFinite(svg)
    }

    func testHistogramCountsEveryFiniteValueOnce() {
        let values = (0..<1000).map { Double($0 % 97) / 3 } + [.nan, .infinity]
        let histogram = Histogram(id: "h", title: "Tc", values: values, valueTitle: AxisTitle("Tc", unit: "K"), binCount: 10)
        let (edges, counts) = histogram.bins()
        XCTAssertEqual(counts.reduce(0, +), 1000)
        XCTAssertEqual(edges.count, counts.count + 1)
        let svg = histogram.svg()
        XCTAssertEqual(count("class=\"bar\"", in: svg), counts.filter { $0 > 0 }.count)
        XCTAssertTrue(svg.contains("Tc (K)"))
        assertWellFormed(svg)
        assertFinite(svg)
    }

    func testScatterDrawsOneCirclePerFinitePoint() {
        let points = (0..<50).map { Point(Double($0), Double($0) * 1.1) } + [Point(.nan, 1), Point(1, .infinity)]
        let svg = ScatterChart(id: "parity", title: "Parity", points: points, xTitle: AxisTitle("observed"), yTitle: AxisTitle("predicted"),
                               diagonal: true).svg()
        XCTAssertEqual(count("<circle", in: svg), 50)
        XCTAssertEqual(count("class=\"diagonal\"", in: svg), 1)
        assertWellFormed(svg)
        assertFinite(svg)
    }

    func testHexbinDrawsOneHexagonPerNonEmptyBinAndCountsAllPoints() {
        var generator = SystemRandomNumberGenerator()
        let points = (0..<8000).map { _ in Point(Double.random(in: 0...10, using: &generator), Double.random(in: 0...10, using: &generator)) }
            + [Point(0, 0), Point(0, 0)]
        let svg = HexbinChart(id: "density", title: "Density", points: points, xTitle: AxisTitle("x"), yTitle: AxisTitle("y")).svg()
        let counts = svg.components(separatedBy: "data-count=\"").dropFirst().compactMap { Int($0.prefix { $0 != "\"" }) }
        XCTAssertEqual(counts.reduce(0, +), 8002)
        XCTAssertEqual(count("class=\"hex\"", in: svg), counts.count)
        XCTAssertFalse(counts.contains(0))
        assertWellFormed(svg)
        assertFinite(svg)
    }

    func testHexbinPutsNearbyPointsInOneCell() {
        let a = HexbinChart.cell(10, 10, dx: 12, dy: 9)
        XCTAssertEqual(HexbinChart.cell(10.5, 10.2, dx: 12, dy: 9), a)
        XCTAssertNotEqual(HexbinChart.cell(40, 10, dx: 12, dy: 9), a)
    }

    func testLineChartDrawsOnePolylinePerSeriesAndALegend() {
        let train = LineChart.Series(name: "train", points: (1...20).map { Point(Double($0), 1 / Double($0)) })
        let validation = LineChart.Series(name: "validation", points: (1...20).map { Point(Double($0), 1.2 / Double($0)) }, dashed: true)
        let empty = LineChart.Series(name: "nothing", points: [Point(.nan, .nan)])
        let svg = LineChart(id: "curves", title: "Loss", series: [train, validation, empty], xTitle: AxisTitle("epoch"),
                            yTitle: AxisTitle("loss"), logY: true).svg()
        XCTAssertEqual(count("<polyline", in: svg), 2)
        XCTAssertEqual(count("class=\"legend-label\"", in: svg), 2)
        assertWellFormed(svg)
        assertFinite(svg)
    }

    func testPeriodicTableHasEveryElementAndTheGivenCounts() {
        XCTAssertEqual(PeriodicTable.positions.count, 118)
        XCTAssertEqual(PeriodicTable.positions["Fe"]?.row, 3)
        XCTAssertEqual(PeriodicTable.positions["Fe"]?.column, 7)
        XCTAssertEqual(PeriodicTable.positions["Lu"]?.row, 7)
        XCTAssertEqual(PeriodicTable.positions["U"]?.row, 8)
        let svg = PeriodicTableHeatmap(id: "elements", title: "Elements", counts: ["Fe": 120, "O": 3000, "Xx": 5]).svg()
        XCTAssertEqual(count("class=\"element\"", in: svg), 118)
        XCTAssertTrue(svg.contains("data-symbol=\"Fe\" data-count=\"120\""))
        XCTAssertTrue(svg.contains("data-symbol=\"Na\" data-count=\"0\""))
        assertWellFormed(svg)
    }

    func testTextIsEscaped() {
        let svg = BarChart(id: "x", title: "a < b & \"c\"", bars: [BarChart.Bar("<script>alert('x')</script>", 1)],
                           valueTitle: AxisTitle("n")).svg()
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertTrue(svg.contains("a &lt; b &amp; &quot;c&quot;"))
        XCTAssertTrue(svg.contains("&lt;script&gt;alert(&#39;x&#39;)"))
        assertWellFormed(svg)
    }

    func testEmptyDataGivesAnEmptyStateChart() {
        let charts = [
            BarChart(id: "a", title: "A", bars: [], valueTitle: AxisTitle("n")).svg(),
            Histogram(id: "b", title: "B", values: [], valueTitle: AxisTitle("v")).svg(),
            ScatterChart(id: "c", title: "C", points: [], xTitle: AxisTitle("x"), yTitle: AxisTitle("y")).svg(),
            HexbinChart(id: "d", title: "D", points: [Point(.nan, 0)], xTitle: AxisTitle("x"), yTitle: AxisTitle("y")).svg(),
            LineChart(id: "e", title: "E", series: [], xTitle: AxisTitle("x"), yTitle: AxisTitle("y")).svg(),
            PeriodicTableHeatmap(id: "f", title: "F", counts: [:]).svg(),
        ]
        for svg in charts {
            XCTAssertTrue(svg.contains("class=\"empty\""), svg)
            assertWellFormed(svg)
            assertFinite(svg)
        }
    }

    func testSingleValueHistogramAndConstantBars() {
        let svg = Histogram(id: "one", title: "One", values: [4, 4, 4], valueTitle: AxisTitle("v")).svg()
        XCTAssertEqual(count("class=\"bar\"", in: svg), 1)
        assertFinite(svg)
        let zeros = BarChart(id: "z", title: "Z", bars: [BarChart.Bar("a", 0), BarChart.Bar("b", 0)], valueTitle: AxisTitle("n")).svg()
        XCTAssertEqual(count("class=\"bar\"", in: zeros), 2)
        assertFinite(zeros)
    }
}
