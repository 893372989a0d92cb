import Foundation
import CSpglib

/// The parts of a `SpglibDataset` the wrapper keeps, copied out of C memory.
struct RawDataset {
    let number: Int
    let hallNumber: Int
    let international: String
    let hallSymbol: String
    let choice: String
    let pointGroup: String
    let operationCount: Int
    let wyckoffs: [Int]
    let siteSymmetries: [String]
    let equivalentAtoms: [Int]
    let primitiveAtomCount: Int
    let standardCell: SymmetryCell

    /// Copies a dataset; `nil` when it is inconsistent with the input (wrong atom count, no space
    /// group, missing arrays).
    init?(_ d: SpglibDataset, atomCount: Int) {
        guard d.spacegroup_number > 0, Int(d.n_atoms) == atomCount,
              let wyckoffs = d.wyckoffs, let equivalent = d.equivalent_atoms,
              let siteSymmetries = d.site_symmetry_symbols, let mapping = d.mapping_to_primitive
        else { return nil }
        number = Int(d.spacegroup_number)
        hallNumber = Int(d.hall_number)
        international = Spglib.string(d.international_symbol)
        hallSymbol = Spglib.string(d.hall_symbol)
        choice = Spglib.string(d.choice)
        pointGroup = Spglib.string(d.pointgroup_symbol).trimmingCharacters(in: .whitespaces)
        operationCount = Int(d.n_operations)
        self.wyckoffs = (0..<atomCount).map { Int(wyckoffs[$0]) }
        self.siteSymmetries = (0..<atomCount).map { Spglib.string(siteSymmetries[$0]).trimmingCharacters(in: .whitespaces) }
        equivalentAtoms = (0..<atomCount).map { Int(equivalent[$0]) }
        primitiveAtomCount = Set((0..<atomCount).map { mapping[$0] }).count
        let stdCount = Int(d.n_std_atoms)
        var positions: [Vector3] = []
        var types: [Int] = []
        if stdCount > 0, let p = d.std_positions, let t = d.std_types {
            positions = (0..<stdCount).map { Vector3(p[$0].0, p[$0].1, p[$0].2) }
            types = (0..<stdCount).map { Int(t[$0]) }
        }
        standardCell = SymmetryCell(lattice: Spglib.rows(d.std_lattice), positions: positions, types: types)
    }

    /// Wyckoff letters: spglib numbers them 0…26 as `a`…`z`, then `A` (Pmmm's 27th position).
    static func letter(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzA")
        return letters.indices.contains(index) ? String(letters[index]) : "?"
    }

    /// The public result.
    func dataset(options: SymmetryOptions, symprec: Double, tried: [Double]) -> SymmetryDataset {
        SymmetryDataset(
            options: options, symprec: symprec, symprecsTried: tried, spglibVersion: .current,
            spaceGroupNumber: number, internationalSymbol: international, hallNumber: hallNumber,
            hallSymbol: hallSymbol, choice: choice, pointGroup: pointGroup,
            crystalSystem: CrystalSystem(spaceGroupNumber: number) ?? .triclinic,
            operationCount: operationCount, wyckoffLetters: wyckoffs.map(Self.letter),
            siteSymmetrySymbols: siteSymmetries, equivalentAtoms: equivalentAtoms,
            primitiveAtomCount: primitiveAtomCount, standardCell: standardCell)
    }
}
