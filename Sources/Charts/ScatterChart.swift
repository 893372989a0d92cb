/// A point of a scatter, line or density chart.
public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double

    /// The point (x, y).
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether both coordinates are finite.
    public var isFinite: Bool { x.isFinite && y.isFinite }
}

/// A scatter plot: one `<circle class="point">` per finite point, optionally with the y = x line
/// (parity plots).
public struct ScatterChart: Sendable {
    public var id: String
    public var title: String
    public var points: [Point]
    public var xTitle: AxisTitle
    public var yTitle: AxisTitle
    public var diagonal: Bool
    public var frame: PlotFrame

    /// A scatter of `points`; `diagonal` draws y = x and gives both axes the same range.
    public init(id: String, title: String, points: [Point], xTitle: AxisTitle, yTitle: AxisTitle, diagonal: Bool = false,
                frame: PlotFrame = PlotFrame(width: 480, height: 420)) {
        self.id = id
        self.title = title
        self.points = points
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.diagonal = diagonal
        self.frame = frame
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let finite = points.filter(\.isFinite)
        guard !finite.isEmpty else { return frame.empty(id: id, title: title) }
        let (x, y) = Self.scales(finite, frame: frame, shared: diagonal)
        var parts = [frame.title(title), frame.yAxis(y, title: yTitle), frame.xAxis(x, title: xTitle)]
        if diagonal, let low = x.ticks.first, let high = x.ticks.last {
            parts.append(SVG.line(x1: x.position(low), y1: y.position(low), x2: x.position(high), y2: y.position(high),
                                  stroke: "#999", className: "diagonal", extra: [("stroke-dasharray", "4 3")]))
        }
        for point in finite {
            parts.append(SVG.element("circle", [("cx", SVG.number(x.position(point.x))), ("cy", SVG.number(y.position(point.y))),
                                                ("r", "2.5"), ("fill", Legend.color(0)), ("fill-opacity", "0.6"), ("class", "point")]))
        }
        return SVG.document(id: id, width: frame.width, height: frame.height, title: title, content: parts.joined())
    }

    /// Linear scales over the points' ranges (the same range on both axes when `shared`).
    static func scales(_ points: [Point], frame: PlotFrame, shared: Bool) -> (LinearScale, LinearScale) {
        var (xLow, xHigh) = (points.map(\.x).min() ?? 0, points.map(\.x).max() ?? 1)
        var (yLow, yHigh) = (points.map(\.y).min() ?? 0, points.map(\.y).max() ?? 1)
        if shared {
            (xLow, xHigh) = (min(xLow, yLow), max(xHigh, yHigh))
            (yLow, yHigh) = (xLow, xHigh)
        }
        return (LinearScale(low: xLow, high: xHigh, start: frame.xRange.0, end: frame.xRange.1),
                LinearScale(low: yLow, high: yHigh, start: frame.yRange.0, end: frame.yRange.1))
    }
}
