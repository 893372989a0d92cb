import Chemistry
import Crystal

/// Wren's input: a space group and its occupied Wyckoff positions, one entry per orbit
/// (coordinates and lattice discarded, SCIENCE.md §5).
public struct Protostructure: Sendable, Hashable, CustomStringConvertible {
    /// One occupied orbit.
    public struct Site: Sendable, Hashable, Comparable {
        /// Atomic number of the element on the orbit.
        public let z: Int
        /// Wyckoff letter in the standard setting.
        public let letter: String

        /// Creates a site.
        public init(z: Int, letter: String) {
            self.z = z
            self.letter = letter
        }

        /// By atomic number, then letter rank (`a` … `z`, `A`).
        public static func < (a: Site, b: Site) -> Bool {
            if a.z != b.z { return a.z < b.z }
            return (WyckoffPosition.rank(of: a.letter) ?? 99) < (WyckoffPosition.rank(of: b.letter) ?? 99)
        }
    }

    /// Space-group number (1…230).
    public let spaceGroup: Int
    /// The occupied orbits, sorted.
    public let sites: [Site]

    /// Creates a protostructure; every letter must exist in the space group and every element
    /// must be real.
    public init(spaceGroup: Int, sites: [Site]) throws(ModelsError) {
        guard (1...230).contains(spaceGroup) else { throw .invalidOptions("space group \(spaceGroup) is not in 1…230") }
        guard !sites.isEmpty else { throw .invalidOptions("a protostructure needs at least one occupied site") }
        for site in sites {
            guard PeriodicTable.element(z: site.z) != nil else { throw .invalidOptions("Z=\(site.z) is not an element") }
            guard WyckoffTable.position(spaceGroup: spaceGroup, letter: site.letter) != nil else {
                throw .invalidOptions("space group \(spaceGroup) has no Wyckoff position \(site.letter)")
            }
        }
        self.spaceGroup = spaceGroup
        self.sites = sites.sorted()
    }

    /// The multiplicity of each site's position, in `sites` order.
    public var multiplicities: [Int] {
        sites.map { WyckoffTable.position(spaceGroup: spaceGroup, letter: $0.letter)?.multiplicity ?? 0 }
    }

    /// Each site's multiplicity divided by the number of atoms in the conventional cell.
    public var weights: [Double] {
        let m = multiplicities
        let total = Double(m.reduce(0, +))
        return m.map { Double($0) / max(total, 1) }
    }

    /// The equivalent descriptions of this protostructure under the space group's relabelings
    /// (its Euclidean normaliser), distinct and sorted; the identity's labelling is among them.
    public var equivalentLabellings: [Protostructure] {
        let maps = WyckoffTable.relabelings(spaceGroup: spaceGroup)
        var seen = Set<[Site]>()
        var result: [[Site]] = [sites]
        seen.insert(sites)
        for map in maps {
            let relabelled = sites.map { Site(z: $0.z, letter: map[$0.letter] ?? $0.letter) }.sorted()
            if seen.insert(relabelled).inserted { result.append(relabelled) }
        }
        result.sort { $0.lexicographicallyPrecedes($1) }
        return result.map { Protostructure(unchecked: spaceGroup, sites: $0) }
    }

    /// `58: Mg@a O@g` style text.
    public var description: String {
        "\(spaceGroup): " + sites.map { "\(PeriodicTable.element(z: $0.z)?.symbol ?? "?")@\($0.letter)" }.joined(separator: " ")
    }

    private init(unchecked spaceGroup: Int, sites: [Site]) {
        self.spaceGroup = spaceGroup
        self.sites = sites
    }
}
