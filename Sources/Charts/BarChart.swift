/// A horizontal bar chart: one `<rect class="bar">` per bar, category labels on the left,
/// the value written at each bar's end.
public struct BarChart: Sendable {
    /// One bar.
    public struct Bar: Sendable {
        public var label: String
        public var value: Double
        public var color: String?

        /// A bar of `value` labelled `label`.
        public init(_ label: String, _ value: Double, color: String? = nil) {
            self.label = label
            self.value = value
            self.color = color
        }
    }

    public var id: String
    public var title: String
    public var bars: [Bar]
    public var valueTitle: AxisTitle
    public var labelWidth: Double
    public var width: Double

    /// A chart with the given bars; `labelWidth` is the room left for category labels.
    public init(id: String, title: String, bars: [Bar], valueTitle: AxisTitle, labelWidth: Double = 220, width: Double = 720) {
        self.id = id
        self.title = title
        self.bars = bars
        self.valueTitle = valueTitle
        self.labelWidth = labelWidth
        self.width = width
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let rowHeight = 24.0
        let frame = PlotFrame(width: width, height: 40 + 52 + rowHeight * Double(max(bars.count, 1)), left: labelWidth, right: 70)
        let finite = bars.filter { $0.value.isFinite }
        guard !finite.isEmpty else { return frame.empty(id: id, title: title) }
        let high = max(finite.map(\.value).max() ?? 0, 0)
        let low = min(finite.map(\.value).min() ?? 0, 0)
        let scale = LinearScale(low: low, high: high == low ? low + 1 : high, start: frame.xRange.0, end: frame.xRange.1)
        var parts = [frame.title(title), frame.xAxis(scale, title: valueTitle)]
        for (index, bar) in finite.enumerated() {
            let y = frame.top + Double(index) * rowHeight + 3
            let (a, b) = (scale.position(min(0, bar.value)), scale.position(max(0, bar.value)))
            parts.append(SVG.rect(x: a, y: y, width: b - a, height: rowHeight - 6, fill: bar.color ?? Legend.color(0), className: "bar",
                                  extra: [("data-label", bar.label), ("data-value", SVG.exact(bar.value))]))
            parts.append(SVG.text(bar.label, x: frame.left - 8, y: y + rowHeight / 2 + 1, anchor: "end", size: 12, className: "bar-label"))
            parts.append(SVG.text(bar.value == bar.value.rounded() ? SVG.exact(bar.value) : NiceTicks.label(bar.value, step: 0.01), x: b + 4,
                                  y: y + rowHeight / 2 + 1, size: 11, className: "bar-value"))
        }
        return SVG.document(id: id, width: frame.width, height: frame.height, title: title, content: parts.joined())
    }
}
