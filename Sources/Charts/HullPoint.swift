import Foundation

/// One entry of a phase diagram: where it sits in composition space, its formation energy and
/// its energy above the hull.
public struct HullPoint: Sendable, Equatable {
    /// What the entry is (a formula), shown next to stable entries.
    public var label: String
    /// Atomic fractions of the diagram's elements, in the chart's element order (summing to 1).
    public var fractions: [Double]
    /// Formation energy per atom (eV/atom).
    public var formationEnergy: Double
    /// Energy above the hull (eV/atom); 0 on the hull.
    public var energyAboveHull: Double
    public var stable: Bool
    /// Labels of the stable entries it decomposes into (tie lines of the ternary diagram).
    public var decomposition: [String]

    public init(label: String, fractions: [Double], formationEnergy: Double, energyAboveHull: Double, stable: Bool,
                decomposition: [String] = []) {
        self.label = label
        self.fractions = fractions
        self.formationEnergy = formationEnergy
        self.energyAboveHull = energyAboveHull
        self.stable = stable
        self.decomposition = decomposition
    }
}

/// The colour of the energy above the hull, shared by both diagrams: 0 (on the hull) to `cap`.
struct HullColors {
    let scale: SequentialColorScale

    init(_ points: [HullPoint]) {
        let highest = points.map(\.energyAboveHull).filter(\.isFinite).max() ?? 0
        scale = SequentialColorScale(low: 0, high: max(highest, 0.05))
    }

    func point(x: Double, y: Double, _ point: HullPoint) -> String {
        let attributes: [(String, String)] = [
            ("cx", SVG.number(x)), ("cy", SVG.number(y)), ("r", point.stable ? "5" : "3.5"),
            ("fill", scale.color(point.energyAboveHull)), ("stroke", point.stable ? "#000" : "#666"),
            ("stroke-width", point.stable ? "1.5" : "0.5"), ("class", point.stable ? "entry stable" : "entry"),
            ("data-label", point.label), ("data-formation-energy", SVG.exact(point.formationEnergy)),
            ("data-e-above-hull", SVG.exact(point.energyAboveHull)),
        ]
        let tooltip = SVG.element("title", [], content: SVG.escape(
            "\(point.label): E_f \(NiceTicks.label(point.formationEnergy, step: 0.001)) eV/atom, E_hull \(NiceTicks.label(point.energyAboveHull, step: 0.001)) eV/atom"))
        return SVG.element("circle", attributes, content: tooltip)
    }
}
