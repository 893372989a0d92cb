import Chemistry

/// A known ordered structure as candidate generation sees it: its protostructure, the
/// composition its multiplicities imply, and (when known) its energy above the hull.
public struct KnownStructure: Sendable, Hashable {
    /// Identifier (entry id or record id).
    public let id: String
    /// The protostructure label as given.
    public let label: String
    /// The label taken apart.
    public let assignment: SiteAssignment
    /// The composition implied by the label.
    public let composition: Composition
    /// Energy above the hull of the known structures (eV/atom), when known.
    public let energyAboveHull: Double?

    /// Creates a known structure.
    public init(id: String, label: String, assignment: SiteAssignment, composition: Composition, energyAboveHull: Double?) {
        self.id = id
        self.label = label
        self.assignment = assignment
        self.composition = composition
        self.energyAboveHull = energyAboveHull
    }
}
