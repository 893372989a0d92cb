/// One energy adjustment of a pymatgen entry (`energy_adjustments[]`), e.g. an MP2020 correction.
public struct EnergyAdjustment: Sendable, Hashable {
    /// The adjustment's name, e.g. `MP2020 anion correction (oxide)`.
    public let name: String
    /// Its total value (eV): `value`, or `adj_per_atom × n_atoms` for composition adjustments.
    public let value: Double
    /// The pymatgen class, e.g. `CompositionEnergyAdjustment`.
    public let className: String?
    /// The compatibility class that applied it, e.g. `MaterialsProject2020Compatibility`.
    public let scheme: String?

    /// Creates an adjustment.
    public init(name: String, value: Double, className: String?, scheme: String?) {
        self.name = name
        self.value = value
        self.className = className
        self.scheme = scheme
    }

    /// Reads one `energy_adjustments` element.
    static func read(_ node: JSONNode) throws(PymatgenJSONError) -> EnergyAdjustment {
        _ = try node.object()
        let value: Double
        if let direct = try node["value"].optionalDouble() {
            value = direct
        } else if let perAtom = try node["adj_per_atom"].optionalDouble() {
            value = perAtom * (try node["n_atoms"].double())
        } else if let perAtom = try node["adj_per_factor"].optionalDouble() {
            value = perAtom * (try node["n_factor"].double())
        } else {
            throw node["value"].error(.missing)
        }
        return EnergyAdjustment(name: try node["name"].optionalString() ?? "", value: value,
                                className: try node["@class"].optionalString(),
                                scheme: try node["cls"]["@class"].optionalString())
    }
}
