/// Why a symmetry analysis was refused or failed.
public enum SymmetryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A site is disordered (several species, or an occupancy below 1); an ordered structure is
    /// required. `index` is 0-based; `label` the source label when there is one.
    case disorderedSite(index: Int, label: String?, species: String)
    /// Two sites lie closer than `SymmetryOptions.coincidenceDistance` (0-based indices, Å).
    case coincidentSites(first: Int, second: Int, distance: Double)
    /// Positions and types differ in length, or there are no atoms.
    case invalidCell(String)
    /// A tolerance is not a positive finite number.
    case invalidTolerance(String)
    /// spglib found no space group at any of the tolerances tried; its last error message.
    case searchFailed(symprecs: [Double], message: String)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .disorderedSite: "disordered-site"
        case .coincidentSites: "coincident-sites"
        case .invalidCell: "invalid-cell"
        case .invalidTolerance: "invalid-tolerance"
        case .searchFailed: "symmetry-search-failed"
        }
    }

    public var description: String {
        switch self {
        case .disorderedSite(let index, let label, let species):
            "\(code): site \(index + 1)\(label.map { " (\($0))" } ?? "") is disordered (\(species)); an ordered structure is required"
        case .coincidentSites(let first, let second, let distance):
            "\(code): sites \(first + 1) and \(second + 1) are \(distance) Å apart"
        case .invalidCell(let message):
            "\(code): \(message)"
        case .invalidTolerance(let message):
            "\(code): \(message)"
        case .searchFailed(let symprecs, let message):
            "\(code): spglib found no space group at symprec \(symprecs.map { "\($0)" }.joined(separator: ", ")) Å: \(message)"
        }
    }
}
