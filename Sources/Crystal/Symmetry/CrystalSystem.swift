/// The seven crystal systems, derived from the space-group number.
public enum CrystalSystem: String, Sendable, Hashable, Codable, CaseIterable {
    case triclinic, monoclinic, orthorhombic, tetragonal, trigonal, hexagonal, cubic

    /// The crystal system of space group `number` (1…230), or `nil` outside that range.
    public init?(spaceGroupNumber number: Int) {
        switch number {
        case 1...2: self = .triclinic
        case 3...15: self = .monoclinic
        case 16...74: self = .orthorhombic
        case 75...142: self = .tetragonal
        case 143...167: self = .trigonal
        case 168...194: self = .hexagonal
        case 195...230: self = .cubic
        default: return nil
        }
    }

    /// The first letter of a Pearson symbol: the crystal family (trigonal and hexagonal share `h`).
    public var pearsonLetter: String {
        switch self {
        case .triclinic: "a"
        case .monoclinic: "m"
        case .orthorhombic: "o"
        case .tetragonal: "t"
        case .trigonal, .hexagonal: "h"
        case .cubic: "c"
        }
    }
}
