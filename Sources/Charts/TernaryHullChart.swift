import Foundation

/// A ternary phase diagram: a triangle of compositions, stable entries joined by the tie lines of
/// the decompositions, every entry coloured by its energy above the hull.
public struct TernaryHullChart: Sendable {
    public var id: String
    public var title: String
    /// The corners: bottom left, bottom right, top.
    public var elements: [String]
    public var points: [HullPoint]
    public var size: Double

    public init(id: String, title: String, elements: [String], points: [HullPoint], size: Double = 560) {
        self.id = id
        self.title = title
        self.elements = elements
        self.points = points
        self.size = size
    }

    /// The position of `fractions` in the triangle with side `side` and bottom-left corner (x0, y0).
    public static func position(_ fractions: [Double], side: Double, x0: Double, y0: Double) -> (x: Double, y: Double) {
        let total = fractions.reduce(0, +)
        guard fractions.count == 3, total > 0 else { return (x0, y0) }
        let (b, c) = (fractions[1] / total, fractions[2] / total)
        return (x0 + side * (b + c / 2), y0 - side * c * 3.0.squareRoot() / 2)
    }

    /// The chart as an SVG element: one `<circle class="entry">` per entry, one `<line class="tie-line">`
    /// per pair of stable entries that some decomposition (or a triangle edge) joins.
    public func svg() -> String {
        let width = size + 170
        let side = size - 80
        let height = side * 3.0.squareRoot() / 2 + 110
        let (x0, y0) = (40.0, height - 50)
        let frame = PlotFrame(width: width, height: height)
        let finite = points.filter { $0.fractions.count == 3 && $0.formationEnergy.isFinite && $0.energyAboveHull.isFinite }
        guard elements.count == 3, !finite.isEmpty else { return frame.empty(id: id, title: title) }
        let colors = HullColors(finite)
        let place = { (fractions: [Double]) in Self.position(fractions, side: side, x0: x0, y0: y0) }
        let corners = [place([1, 0, 0]), place([0, 1, 0]), place([0, 0, 1])]
        var parts = [frame.title(title)]
        let outline = corners.map { "\(SVG.number($0.x)),\(SVG.number($0.y))" }.joined(separator: " ")
        parts.append(SVG.element("polygon", [("points", outline), ("fill", "none"), ("stroke", "#444"), ("class", "triangle")]))
        for (index, corner) in corners.enumerated() {
            let dy = index == 2 ? -10.0 : 20.0
            parts.append(SVG.text(elements[index], x: corner.x, y: corner.y + dy, anchor: "middle", size: 14, className: "corner-label",
                                  extra: [("font-weight", "bold")]))
        }
        let stable = Dictionary(finite.filter(\.stable).map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        for (a, b) in Self.tieLines(finite, stable: stable) {
            guard let p = stable[a], let q = stable[b] else { continue }
            let (from, to) = (place(p.fractions), place(q.fractions))
            parts.append(SVG.line(x1: from.x, y1: from.y, x2: to.x, y2: to.y, stroke: "#555", className: "tie-line",
                                  extra: [("data-from", a), ("data-to", b)]))
        }
        for point in finite.sorted(by: { $0.energyAboveHull > $1.energyAboveHull }) {
            let at = place(point.fractions)
            parts.append(colors.point(x: at.x, y: at.y, point))
        }
        for point in stable.values.sorted(by: { $0.label < $1.label }) where point.fractions.filter({ $0 > 0 }).count > 1 {
            let at = place(point.fractions)
            parts.append(SVG.text(point.label, x: at.x + 6, y: at.y - 6, size: 10, className: "entry-label"))
        }
        parts.append(colors.scale.legend(x: width - 150, y: 60, width: 110, title: "E above hull (eV/atom)"))
        return SVG.document(id: id, width: width, height: height, title: title, content: parts.joined())
    }

    /// Pairs of stable labels joined on the diagram: every pair within one entry's decomposition,
    /// sorted and without repeats.
    public static func tieLines(_ points: [HullPoint], stable: [String: HullPoint]) -> [(String, String)] {
        var pairs = Set<[String]>()
        for point in points {
            let members = Array(Set(point.decomposition.filter { stable[$0] != nil })).sorted()
            for i in members.indices {
                for j in members.indices where j > i { pairs.insert([members[i], members[j]]) }
            }
        }
        return pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1]) }
    }
}
