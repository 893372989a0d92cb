/// An axis title with its unit: "Tc (K)".
public struct AxisTitle: Sendable {
    public var label: String
    public var unit: String?

    /// An axis title, optionally with a unit.
    public init(_ label: String, unit: String? = nil) {
        self.label = label
        self.unit = unit
    }

    /// The label with the unit in parentheses.
    public var text: String {
        guard let unit, !unit.isEmpty else { return label }
        return "\(label) (\(unit))"
    }
}
