import Chemistry

/// A VASP POSCAR as read: the cell, atom counts and coordinates, and the species when known.
public struct POSCAR: Sendable, Hashable {
    /// The first line.
    public let comment: String
    /// The scaled lattice (rows, Å). A left-handed cell in the file is stored with all three
    /// vectors negated and the fractional coordinates negated, which is the same crystal.
    public let lattice: Lattice
    /// True when the file's lattice was left-handed (see `lattice`).
    public let wasLeftHanded: Bool
    /// Atom counts per species, in file order.
    public let counts: [Int]
    /// Species per count, when known (VASP-5 line, the caller's list or the comment line).
    public let species: [Element]?
    /// Where `species` came from.
    public let speciesSource: SpeciesSource
    /// Fractional coordinates of every atom, in file order.
    public let fractional: [Vector3]
    /// Selective-dynamics flags per atom (three flags: x, y, z may move), when the file has them.
    public let selectiveDynamics: [[Bool]]?

    /// Where the species names came from.
    public enum SpeciesSource: String, Sendable, Hashable, Codable {
        /// The VASP-5 species line.
        case speciesLine
        /// The list the caller gave.
        case given
        /// The comment line (VASP-4 habit).
        case comment
        /// Unknown.
        case none
    }

    /// The 0-based species index of every atom (usable as spglib types when species are unknown).
    public var typeIndices: [Int] {
        counts.enumerated().flatMap { index, count in Array(repeating: index, count: count) }
    }

    /// The structure; throws `unknownSpecies` when the species are not known.
    public func structure(file: String? = nil) throws(POSCARError) -> Structure {
        guard let species else { throw POSCARError(.unknownSpecies, file: file, line: 1) }
        let types = typeIndices
        let sites = zip(fractional, types).map { position, type in
            Site(species: [Species(element: species[type])], fractional: position)
        }
        do {
            return try Structure(lattice: lattice, sites: sites)
        } catch {
            throw POSCARError(.invalidStructure(error), file: file)
        }
    }
}
