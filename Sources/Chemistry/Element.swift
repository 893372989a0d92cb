/// The orbital block an element's highest-energy electron occupies.
public enum Block: String, Sendable, Hashable, Codable, CaseIterable {
    case s, p, d, f
}

/// One chemical element with the public physical facts `curate` relies on.
///
/// Values come from public tables (IUPAC standard atomic weights, Pauling electronegativities,
/// Cordero et al. 2008 covalent radii, the modified Pettifor scale of Glawe et al. 2016).
/// A fact that is not defined or not known for an element is `nil`, never a placeholder zero.
public struct Element: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Atomic number, 1...118.
    public let z: Int
    /// IUPAC symbol, e.g. `"Fe"`.
    public let symbol: String
    /// English name, e.g. `"Iron"`.
    public let name: String
    /// Standard atomic weight in daltons (for elements without stable isotopes, the mass number
    /// of the longest-lived isotope).
    public let atomicMass: Double
    /// IUPAC group 1...18. La and Ac are group 3; the other lanthanides and actinides
    /// (Ce...Lu, Th...Lr) have `nil`. Note that Lu and Lr are nonetheless `.d` block (pymatgen's
    /// block convention); see the header of `ElementData.swift`.
    public let group: Int?
    /// Period 1...7.
    public let period: Int
    /// s, p, d or f block.
    public let block: Block
    /// Pauling electronegativity; `nil` where none is tabulated (e.g. He, Ne, Ar, most Z > 103).
    public let paulingElectronegativity: Double?
    /// Position on the modified Pettifor scale (Glawe et al., New J. Phys. 2016), 1...103;
    /// `nil` for elements the scale does not cover.
    public let modifiedPettifor: Int?
    /// Common oxidation states, ascending.
    public let commonOxidationStates: [Int]
    /// Single-bond covalent radius in ångström; `nil` where not tabulated.
    public let covalentRadius: Double?

    /// Creates an element record. Used by the generated table in `ElementData.swift`.
    public init(
        z: Int, symbol: String, name: String, atomicMass: Double, group: Int?, period: Int,
        block: Block, paulingElectronegativity: Double?, modifiedPettifor: Int?,
        commonOxidationStates: [Int], covalentRadius: Double?
    ) {
        self.z = z
        self.symbol = symbol
        self.name = name
        self.atomicMass = atomicMass
        self.group = group
        self.period = period
        self.block = block
        self.paulingElectronegativity = paulingElectronegativity
        self.modifiedPettifor = modifiedPettifor
        self.commonOxidationStates = commonOxidationStates
        self.covalentRadius = covalentRadius
    }

    public var description: String { symbol }
}
