/// What spglib found for one cell, with the tolerances and library version that produced it.
public struct SymmetryDataset: Sendable, Hashable {
    /// The options asked for.
    public let options: SymmetryOptions
    /// The `symprec` (Å) that produced this result: `options.symprec` unless a retry was needed.
    public let symprec: Double
    /// Every `symprec` tried, in order; the last one succeeded.
    public let symprecsTried: [Double]
    /// The spglib library that produced the result.
    public let spglibVersion: SpglibVersion

    /// Space-group number (1…230).
    public let spaceGroupNumber: Int
    /// Short international (Hermann–Mauguin) symbol, e.g. `Fm-3m`.
    public let internationalSymbol: String
    /// Hall number (1…530) of the setting spglib chose.
    public let hallNumber: Int
    /// Hall symbol, e.g. `-F 4 2 3`.
    public let hallSymbol: String
    /// Setting choice (`1`, `2`, `H`, `R`, `b1`, …) or empty.
    public let choice: String
    /// Point-group symbol, e.g. `m-3m`.
    public let pointGroup: String
    /// The crystal system.
    public let crystalSystem: CrystalSystem
    /// Number of symmetry operations found in the input cell (translations included).
    public let operationCount: Int

    /// Wyckoff letter of every input site (standard setting), in input order.
    public let wyckoffLetters: [String]
    /// Site-symmetry symbol of every input site, e.g. `m-3m`.
    public let siteSymmetrySymbols: [String]
    /// For every site, the index of its representative among symmetry-equivalent sites.
    public let equivalentAtoms: [Int]
    /// Number of atoms in the primitive cell.
    public let primitiveAtomCount: Int
    /// The standardised conventional cell.
    public let standardCell: SymmetryCell

    /// True when `symprec` had to be tightened because spglib found nothing at first.
    public var retried: Bool { symprecsTried.count > 1 }

    /// Number of atoms in the conventional standard cell.
    public var conventionalAtomCount: Int { standardCell.types.count }

    /// The centring letter of the space group (`P`, `A`, `B`, `C`, `I`, `F` or `R`).
    public var centring: String { String(internationalSymbol.prefix(1)) }

    /// Pearson symbol: crystal family, centring and atom count, e.g. `cF8`, `hR10`, `mC12`.
    /// One-face centring (`A`, `B`, `C`) is written `C`; for `R` the atoms of the rhombohedral
    /// (primitive) cell are counted, otherwise those of the conventional cell.
    public var pearsonSymbol: String {
        let letter = ["A", "B", "C"].contains(centring) ? "C" : centring
        let count = letter == "R" ? primitiveAtomCount : conventionalAtomCount
        return crystalSystem.pearsonLetter + letter + String(count)
    }

    /// The sites that represent each orbit (indices into the input), in first-seen order.
    public var orbitRepresentatives: [Int] {
        var seen = Set<Int>()
        return equivalentAtoms.filter { seen.insert($0).inserted }
    }
}

/// A cell as spglib returns it: lattice (rows, Å), fractional positions and integer types.
public struct SymmetryCell: Sendable, Hashable {
    /// Lattice vectors as rows (Å).
    public let lattice: Matrix3
    /// Fractional positions.
    public let positions: [Vector3]
    /// Integer atom types, as given to (and returned by) spglib.
    public let types: [Int]
}
