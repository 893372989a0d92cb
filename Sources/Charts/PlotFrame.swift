/// The drawing area of a chart: its size, margins, title and the axes around the plot area.
public struct PlotFrame: Sendable {
    public var width: Double
    public var height: Double
    public var left: Double
    public var right: Double
    public var top: Double
    public var bottom: Double

    /// A frame of `width` × `height` pixels with room for axes and a title.
    public init(width: Double = 560, height: Double = 320, left: Double = 64, right: Double = 24, top: Double = 40, bottom: Double = 52) {
        self.width = width
        self.height = height
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }

    /// The plot area's horizontal pixel range.
    public var xRange: (Double, Double) { (left, width - right) }
    /// The plot area's vertical pixel range, bottom to top.
    public var yRange: (Double, Double) { (height - bottom, top) }

    /// The chart title, centred at the top.
    public func title(_ text: String) -> String {
        SVG.text(text, x: width / 2, y: 22, anchor: "middle", size: 15, className: "chart-title", extra: [("font-weight", "bold")])
    }

    /// The horizontal axis at the bottom of the plot area: line, ticks, labels and title.
    public func xAxis(_ scale: Scale, title: AxisTitle) -> String {
        let y = yRange.0
        var parts = [SVG.line(x1: xRange.0, y1: y, x2: xRange.1, y2: y)]
        for tick in scale.ticks {
            let x = scale.position(tick)
            parts.append(SVG.line(x1: x, y1: y, x2: x, y2: y + 5, className: "tick"))
            parts.append(SVG.text(scale.label(tick), x: x, y: y + 18, anchor: "middle", size: 11, className: "tick-label"))
        }
        parts.append(SVG.text(title.text, x: (xRange.0 + xRange.1) / 2, y: height - 10, anchor: "middle", className: "axis-title"))
        return SVG.element("g", [("class", "x-axis")], content: parts.joined())
    }

    /// The vertical axis at the left of the plot area, with light grid lines.
    public func yAxis(_ scale: Scale, title: AxisTitle) -> String {
        let x = xRange.0
        var parts = [SVG.line(x1: x, y1: yRange.0, x2: x, y2: yRange.1)]
        for tick in scale.ticks {
            let y = scale.position(tick)
            parts.append(SVG.line(x1: x, y1: y, x2: xRange.1, y2: y, stroke: "#e4e4e4", className: "grid"))
            parts.append(SVG.line(x1: x - 5, y1: y, x2: x, y2: y, className: "tick"))
            parts.append(SVG.text(scale.label(tick), x: x - 8, y: y + 4, anchor: "end", size: 11, className: "tick-label"))
        }
        let middle = (yRange.0 + yRange.1) / 2
        parts.append(SVG.text(title.text, x: 14, y: middle, anchor: "middle", className: "axis-title",
                              extra: [("transform", "rotate(-90 14 \(SVG.number(middle)))")]))
        return SVG.element("g", [("class", "y-axis")], content: parts.joined())
    }

    /// A whole chart saying there is nothing to draw.
    public func empty(id: String, title: String, message: String = "no data") -> String {
        SVG.document(id: id, width: width, height: height, title: title,
                     content: self.title(title) + SVG.text(message, x: width / 2, y: height / 2, anchor: "middle", size: 14, className: "empty"))
    }
}

/// A legend: one coloured swatch and name per series.
public enum Legend {
    /// The legend entries stacked from (x, y).
    public static func svg(_ entries: [(name: String, color: String)], x: Double, y: Double) -> String {
        let items = entries.enumerated().map { index, entry in
            let rowY = y + Double(index) * 16
            return SVG.rect(x: x, y: rowY - 9, width: 12, height: 10, fill: entry.color, className: "legend-swatch")
                + SVG.text(entry.name, x: x + 16, y: rowY, size: 11, className: "legend-label")
        }
        return SVG.element("g", [("class", "legend")], content: items.joined())
    }

    /// A categorical palette (colour-blind friendly, Okabe–Ito).
    public static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

    /// The palette colour of series `index`.
    public static func color(_ index: Int) -> String { palette[index % palette.count] }
}
