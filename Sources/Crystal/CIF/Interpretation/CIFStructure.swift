/// How the full cell was obtained from the block's symmetry information.
public enum CIFSymmetrySource: Sendable, Hashable {
    /// Expanded with this many operators from `_space_group_symop_operation_xyz` or
    /// `_symmetry_equiv_pos_as_xyz`.
    case operators(count: Int)
    /// No operators; a space-group symbol was given but not expanded (needs the spglib
    /// database). Only the identity was applied: the sites may be just the asymmetric unit.
    case identityOnly(symbol: String)
    /// No operators; the space-group symbol as written was resolved to spglib's setting
    /// `hallNumber` and its `count` operators taken from spglib's database.
    case spaceGroupDatabase(symbol: String, hallNumber: Int, count: Int)
    /// No operators and no symbol: P1 assumed.
    case assumedP1
}

/// One structure read from a CIF block, with everything learnt along the way.
public struct CIFStructure: Sendable, Hashable {
    /// The block's name.
    public let blockName: String
    /// The structure (full cell as far as symmetry allowed).
    public let structure: Structure
    /// Cell parameters with their standard uncertainties.
    public let cell: CIFCell
    /// Database and bibliographic facts.
    public let metadata: CIFMetadata
    /// Where the symmetry came from.
    public let symmetry: CIFSymmetrySource
    /// Number of atom-site rows in the block (the asymmetric unit as written).
    public let asymmetricUnitCount: Int
    /// Quirks repaired for this block (document-level warnings included).
    public let warnings: [CIFWarning]
    /// The tolerances used.
    public let options: CIFReadOptions

    /// True when the sites are the full cell (operators applied, or P1).
    public var isFullyExpanded: Bool {
        if case .identityOnly = symmetry { return false }
        return true
    }
}

/// The six cell parameters as read, each with its standard uncertainty when given.
public struct CIFCell: Sendable, Hashable {
    /// a, b, c (Å), α, β, γ (degrees).
    public let a, b, c, alpha, beta, gamma: CIFNumber

    /// The parameters without uncertainties.
    public var parameters: LatticeParameters {
        LatticeParameters(a: a.value, b: b.value, c: c.value, alpha: alpha.value, beta: beta.value, gamma: gamma.value)
    }
}
