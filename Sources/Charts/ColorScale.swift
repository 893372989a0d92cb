import Foundation

/// A sequential colour scale (viridis-like, light to dark) from a value range to hex colours.
public struct SequentialColorScale: Sendable {
    /// The colour stops from low to high.
    static let stops: [(Double, Double, Double)] = [
        (253, 231, 37), (94, 201, 98), (33, 145, 140), (59, 82, 139), (68, 1, 84),
    ]
    public let low: Double
    public let high: Double
    public let logarithmic: Bool

    /// A scale over [low, high]; logarithmic scales use log10(1 + value).
    public init(low: Double, high: Double, logarithmic: Bool = false) {
        self.low = low
        self.high = high
        self.logarithmic = logarithmic
    }

    /// The share of the range `value` sits at, clamped to [0, 1].
    public func fraction(_ value: Double) -> Double {
        let transform: (Double) -> Double = logarithmic ? { log10(1 + max(0, $0)) } : { $0 }
        let (a, b, v) = (transform(low), transform(high), transform(value))
        guard b > a, v.isFinite else { return 0 }
        return min(1, max(0, (v - a) / (b - a)))
    }

    /// The colour of `value` as `#rrggbb`.
    public func color(_ value: Double) -> String {
        Self.color(atFraction: fraction(value))
    }

    /// The colour at share `t` of the stops.
    public static func color(atFraction t: Double) -> String {
        let scaled = min(1, max(0, t.isFinite ? t : 0)) * Double(stops.count - 1)
        let index = min(stops.count - 2, Int(scaled))
        let local = scaled - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        let channels = [a.0 + (b.0 - a.0) * local, a.1 + (b.1 - a.1) * local, a.2 + (b.2 - a.2) * local]
        return "#" + channels.map { String(format: "%02x", Int($0.rounded())) }.joined()
    }

    /// A horizontal colour bar with its end labels at (x, y).
    public func legend(x: Double, y: Double, width: Double, title: String) -> String {
        let steps = 10
        var parts = [SVG.text(title, x: x, y: y - 4, size: 11)]
        for index in 0..<steps {
            let t = Double(index) / Double(steps - 1)
            parts.append(SVG.rect(x: x + Double(index) * width / Double(steps), y: y, width: width / Double(steps) + 0.5, height: 10,
                                  fill: Self.color(atFraction: t), className: "legend-swatch"))
        }
        parts.append(SVG.text(NiceTicks.label(low, step: 1), x: x, y: y + 22, size: 10))
        parts.append(SVG.text(NiceTicks.label(high, step: 1), x: x + width, y: y + 22, anchor: "end", size: 10))
        return SVG.element("g", [("class", "color-legend")], content: parts.joined())
    }
}
