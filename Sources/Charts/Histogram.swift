import Foundation

/// A histogram: values counted into bins on nice edges, one `<rect class="bar">` per non-empty bin.
public struct Histogram: Sendable {
    public var id: String
    public var title: String
    public var values: [Double]
    public var valueTitle: AxisTitle
    public var binCount: Int
    public var color: String
    public var frame: PlotFrame
    /// A note drawn under the title (e.g. how many censored labels are left out).
    public var note: String?

    /// A histogram of `values` in about `binCount` bins.
    public init(id: String, title: String, values: [Double], valueTitle: AxisTitle, binCount: Int = 30,
                color: String = Legend.color(0), frame: PlotFrame = PlotFrame(), note: String? = nil) {
        self.id = id
        self.title = title
        self.values = values
        self.valueTitle = valueTitle
        self.binCount = binCount
        self.color = color
        self.frame = frame
        self.note = note
    }

    /// The bin edges and the count in each bin (finite values only).
    public func bins() -> (edges: [Double], counts: [Int]) {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return ([], []) }
        let step = NiceTicks.step(span: high > low ? high - low : 1, count: max(1, binCount))
        let first = (low / step).rounded(.down) * step
        var count = Int(((high - first) / step).rounded(.down)) + 1
        count = max(1, min(count, 10_000))
        var counts = [Int](repeating: 0, count: count)
        for value in finite {
            counts[min(count - 1, max(0, Int((value - first) / step)))] += 1
        }
        return ((0...count).map { NiceTicks.clean(first + Double($0) * step, step: step) }, counts)
    }

    /// The chart as an SVG element.
    public func svg() -> String {
        let (edges, counts) = bins()
        guard let first = edges.first, let last = edges.last, let top = counts.max() else { return frame.empty(id: id, title: title) }
        let x = LinearScale(low: first, high: last, start: frame.xRange.0, end: frame.xRange.1)
        let y = LinearScale(low: 0, high: Double(max(top, 1)), start: frame.yRange.0, end: frame.yRange.1)
        var parts = [frame.title(title), frame.yAxis(y, title: AxisTitle("count")), frame.xAxis(x, title: valueTitle)]
        if let note { parts.append(SVG.text(note, x: frame.width - frame.right, y: frame.top - 4, anchor: "end", size: 11, className: "note")) }
        for (index, count) in counts.enumerated() where count > 0 {
            let (a, b) = (x.position(edges[index]), x.position(edges[index + 1]))
            let height = y.position(0) - y.position(Double(count))
            parts.append(SVG.rect(x: a + 0.5, y: y.position(Double(count)), width: b - a - 1, height: height, fill: color, className: "bar",
                                  extra: [("data-low", SVG.exact(edges[index])), ("data-value", String(count))]))
        }
        return SVG.document(id: id, width: frame.width, height: frame.height, title: title, content: parts.joined())
    }
}
