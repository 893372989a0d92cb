/// Why a set of lattice vectors or parameters does not describe a usable cell.
public enum LatticeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A length, angle or matrix entry is NaN or infinite.
    case nonFinite(String)
    /// A cell length is zero or negative.
    case nonPositiveLength(name: String, value: Double)
    /// An angle outside the open interval (0°, 180°).
    case angleOutOfRange(name: String, value: Double)
    /// The angles cannot close a cell, or the cell is (nearly) flat: `volume / (a·b·c)` is below
    /// `Lattice.minimumVolumeRatio`, or the matrix is left-handed (negative determinant).
    case degenerateVolume(volume: Double)

    public var description: String {
        switch self {
        case .nonFinite(let what): "non-finite \(what)"
        case .nonPositiveLength(let name, let value): "cell length \(name) must be positive, got \(value)"
        case .angleOutOfRange(let name, let value): "cell angle \(name) must lie strictly between 0 and 180 degrees, got \(value)"
        case .degenerateVolume(let volume): "degenerate cell: volume \(volume) Å³ is zero, negative or too small for its edge lengths"
        }
    }
}
