/// One site of a structure: fractional coordinates and the species sharing it.
///
/// A disordered site carries several species, or one with occupancy below 1; disorder is data.
public struct Site: Sendable, Hashable {
    /// Species on the site (at least one), with their occupancies.
    public let species: [Species]
    /// Fractional coordinates.
    public let fractional: Vector3
    /// Label from the source (e.g. the CIF `_atom_site_label`), if any.
    public let label: String?

    /// Creates a site.
    public init(species: [Species], fractional: Vector3, label: String? = nil) {
        self.species = species
        self.fractional = fractional
        self.label = label
    }

    /// Sum of the species occupancies.
    public var totalOccupancy: Double { species.reduce(0) { $0 + $1.occupancy } }

    /// True when one species fully occupies the site.
    public var isOrdered: Bool {
        species.count == 1 && abs(species[0].occupancy - 1) <= Structure.occupancyTolerance
    }
}
