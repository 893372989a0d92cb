import Foundation

/// A binary phase diagram: formation energy against the fraction of the second element, the
/// lower convex hull through the stable entries, entries coloured by energy above the hull.
public struct BinaryHullChart: Sendable {
    public var id: String
    public var title: String
    /// The two elements: x = 0 is pure `elements[0]`, x = 1 pure `elements[1]`.
    public var elements: [String]
    public var points: [HullPoint]
    public var frame: PlotFrame

    public init(id: String, title: String, elements: [String], points: [HullPoint],
                frame: PlotFrame = PlotFrame(width: 640, height: 440, right: 150)) {
        self.id = id
        self.title = title
        self.elements = elements
        self.points = points
        self.frame = frame
    }

    /// The chart as an SVG element: one `<circle class="entry">` per entry (`entry stable` on the
    /// hull) and one `<polyline class="hull">` through the stable entries.
    public func svg() -> String {
        let finite = points.filter { $0.fractions.count == 2 && $0.formationEnergy.isFinite && $0.energyAboveHull.isFinite }
        guard elements.count == 2, !finite.isEmpty else { return frame.empty(id: id, title: title) }
        let x = LinearScale(low: 0, high: 1, start: frame.xRange.0, end: frame.xRange.1)
        let energies = finite.map(\.formationEnergy) + [0]
        let y = LinearScale(low: energies.min() ?? -1, high: max(energies.max() ?? 0, 0), start: frame.yRange.0, end: frame.yRange.1)
        let colors = HullColors(finite)
        var parts = [frame.title(title), frame.yAxis(y, title: AxisTitle("formation energy", unit: "eV/atom")),
                     frame.xAxis(x, title: AxisTitle("fraction of \(elements[1]) in \(elements[0])–\(elements[1])"))]
        let hull = finite.filter(\.stable).sorted { $0.fractions[1] < $1.fractions[1] }
        if hull.count >= 2 {
            let coordinates = hull.map { "\(SVG.number(x.position($0.fractions[1]))),\(SVG.number(y.position($0.formationEnergy)))" }
            parts.append(SVG.element("polyline", [("points", coordinates.joined(separator: " ")), ("fill", "none"), ("stroke", "#333"),
                                                  ("stroke-width", "1.5"), ("class", "hull")]))
        }
        for point in finite.sorted(by: { $0.energyAboveHull > $1.energyAboveHull }) {
            parts.append(colors.point(x: x.position(point.fractions[1]), y: y.position(point.formationEnergy), point))
        }
        for point in hull {
            parts.append(SVG.text(point.label, x: x.position(point.fractions[1]) + 6, y: y.position(point.formationEnergy) + 14, size: 10,
                                  className: "entry-label"))
        }
        parts.append(colors.scale.legend(x: frame.width - frame.right + 20, y: frame.top + 20, width: 110, title: "E above hull (eV/atom)"))
        return SVG.document(id: id, width: frame.width, height: frame.height, title: title, content: parts.joined())
    }
}
