import Foundation

/// A density plot for many points: points binned into hexagons in pixel space, one
/// `<polygon class="hex">` per non-empty bin coloured by its count (log colour scale), with a colour bar.
public struct HexbinChart: Sendable {
    public var id: String
    public var title: String
    public var points: [Point]
    public var xTitle: AxisTitle
    public var yTitle: AxisTitle
    public var diagonal: Bool
    public var radius: Double
    public var frame: PlotFrame

    /// A density plot of `points` with hexagons of `radius` pixels.
    public init(id: String, title: String, points: [Point], xTitle: AxisTitle, yTitle: AxisTitle, diagonal: Bool = false,
                radius: Double = 7, frame: PlotFrame = PlotFrame(width: 480, height: 460, bottom: 92)) {
        self.id = id
        self.title = title
        self.points = points
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.diagonal = diagonal
        self.radius = radius
        self.frame = frame
    }

    /// A hexagon's grid cell.
    struct Cell: Hashable {
        let column: Int
        let row: Int
    }

    /// The counts per hexagon of the finite points, keyed by cell, in pixel space of `x` and `y`.
    func bins(_ finite: [Point], x: LinearScale, y: LinearScale) -> [Cell: Int] {
        let (dx, dy) = (radius * 3.0.squareRoot(), radius * 1.5)
        var counts: [Cell: Int] = [:]
        for point in finite {
            let (px, py) = (x.position(point.x) - frame.left, y.position(point.y) - frame.top)
            counts[Self.cell(px, py, dx: dx, dy: dy), default: 0] += 1
        }
        return counts
    }

    /// The nearest hexagon centre's cell (d3-hexbin's rounding).
    static func cell(_ x: Double, _ y: Double, dx: Double, dy: Double) -> Cell {
        let py = y / dy
        var pj = py.rounded()
        let odd = Int(pj).isMultiple(of: 2) ? 0.0 : 1.0
        let px = x / dx - odd / 2
        var pi = px.rounded()
        let py1 = py - pj
        if abs(py1) * 3 > 1 {
            let px1 = px - pi
            let pi2 = pi + (px < pi ? -1.0 : 1.0) / 2
            let pj2 = pj + (py < pj ? -1.0 : 1.0)
            let (px2, py2) = (px - pi2, py - pj2)
            if px1 * px1 + py1 * py1 > px2 * px2 + py2 * py2 {
                pi = pi2 + (odd == 1 ? 1.0 : -1.0) / 2
                pj = pj2
            }
        }
        return Cell(column: Int(pi), row: Int(pj))
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let finite = points.filter(\.isFinite)
        guard !finite.isEmpty else { return frame.empty(id: id, title: title) }
        let (x, y) = ScatterChart.scales(finite, frame: frame, shared: diagonal)
        let counts = bins(finite, x: x, y: y)
        let colors = SequentialColorScale(low: 1, high: Double(counts.values.max() ?? 1), logarithmic: true)
        var parts = [frame.title(title), frame.yAxis(y, title: yTitle), frame.xAxis(x, title: xTitle)]
        let (dx, dy) = (radius * 3.0.squareRoot(), radius * 1.5)
        for (cell, count) in counts.sorted(by: { ($0.key.row, $0.key.column) < ($1.key.row, $1.key.column) }) {
            let odd = cell.row.isMultiple(of: 2) ? 0.0 : 1.0
            let (cx, cy) = ((Double(cell.column) + odd / 2) * dx + frame.left, Double(cell.row) * dy + frame.top)
            let corners = (0..<6).map { index -> String in
                let angle = Double(index) * Double.pi / 3
                return "\(SVG.number(cx + radius * sin(angle))),\(SVG.number(cy - radius * cos(angle)))"
            }.joined(separator: " ")
            parts.append(SVG.element("polygon", [("points", corners), ("fill", colors.color(Double(count))), ("class", "hex"),
                                                 ("data-count", String(count))]))
        }
        if diagonal, let low = x.ticks.first, let high = x.ticks.last {
            parts.append(SVG.line(x1: x.position(low), y1: y.position(low), x2: x.position(high), y2: y.position(high),
                                  stroke: "#d33", className: "diagonal", extra: [("stroke-dasharray", "4 3")]))
        }
        parts.append(colors.legend(x: frame.left, y: frame.height - 30, width: 160, title: "points per hexagon (log colour)"))
        return SVG.document(id: id, width: frame.width, height: frame.height, title: title, content: parts.joined())
    }
}
