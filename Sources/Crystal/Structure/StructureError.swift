/// Why a set of sites does not make a `Structure`.
public enum StructureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No sites at all.
    case noSites
    /// A site without species.
    case emptySite(index: Int)
    /// A fractional coordinate that is NaN or infinite.
    case nonFiniteCoordinate(index: Int)
    /// An occupancy that is not in (0, 1].
    case invalidOccupancy(index: Int, occupancy: Double)
    /// The occupancies of one site sum to more than 1 (beyond `Structure.occupancyTolerance`).
    case overfullSite(index: Int, total: Double)

    public var description: String {
        switch self {
        case .noSites: "structure has no sites"
        case .emptySite(let index): "site \(index + 1) has no species"
        case .nonFiniteCoordinate(let index): "site \(index + 1) has a non-finite coordinate"
        case .invalidOccupancy(let index, let occupancy): "site \(index + 1) has occupancy \(occupancy), outside (0, 1]"
        case .overfullSite(let index, let total): "site \(index + 1) has total occupancy \(total) > 1"
        }
    }
}
