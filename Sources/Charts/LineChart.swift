/// A line chart (learning curves): one `<polyline class="line">` per series with at least one
/// finite point, a legend, and an optional log y axis.
public struct LineChart: Sendable {
    /// One named series.
    public struct Series: Sendable {
        public var name: String
        public var points: [Point]
        public var dashed: Bool

        /// A series of points.
        public init(name: String, points: [Point], dashed: Bool = false) {
            self.name = name
            self.points = points
            self.dashed = dashed
        }
    }

    public var id: String
    public var title: String
    public var series: [Series]
    public var xTitle: AxisTitle
    public var yTitle: AxisTitle
    public var logY: Bool
    public var frame: PlotFrame

    /// A chart of `series`; `logY` uses a log scale when every y value is positive.
    public init(id: String, title: String, series: [Series], xTitle: AxisTitle, yTitle: AxisTitle, logY: Bool = false,
                frame: PlotFrame = PlotFrame(width: 560, height: 320, right: 150)) {
        self.id = id
        self.title = title
        self.series = series
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.logY = logY
        self.frame = frame
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let drawn = series.map { Series(name: $0.name, points: $0.points.filter(\.isFinite), dashed: $0.dashed) }.filter { !$0.points.isEmpty }
        let all = drawn.flatMap(\.points)
        guard let xLow = all.map(\.x).min(), let xHigh = all.map(\.x).max(),
              let yLow = all.map(\.y).min(), let yHigh = all.map(\.y).max() else { return frame.empty(id: id, title: title) }
        let x = LinearScale(low: xLow, high: xHigh, start: frame.xRange.0, end: frame.xRange.1)
        let y: Scale = logY && yLow > 0 ? LogScale(low: yLow, high: yHigh, start: frame.yRange.0, end: frame.yRange.1)
            : LinearScale(low: min(0, yLow), high: yHigh, start: frame.yRange.0, end: frame.yRange.1)
        var parts = [frame.title(title), frame.yAxis(y, title: yTitle), frame.xAxis(x, title: xTitle)]
        for (index, line) in drawn.enumerated() {
            let coordinates = line.points.map { "\(SVG.number(x.position($0.x))),\(SVG.number(y.position($0.y)))" }.joined(separator: " ")
            var attributes = [("points", coordinates), ("fill", "none"), ("stroke", Legend.color(index)), ("stroke-width", "2"),
                              ("class", "line"), ("data-series", line.name)]
            if line.dashed { attributes.append(("stroke-dasharray", "5 3")) }
            parts.append(SVG.element("polyline", attributes))
        }
        parts.append(Legend.svg(drawn.enumerated().map { (name: $1.name, color: Legend.color($0)) },
                                x: frame.width - frame.right + 12, y: frame.top + 10))
        return SVG.document(id: id, width: frame.width, height: frame.height, title: title, content: parts.joined())
    }
}
