/// The Wyckoff representation of an ordered structure (SCIENCE.md §5): its space group and the
/// multiset of (element, Wyckoff letter) over its orbits; coordinates and lattice are dropped.
public struct WyckoffRepresentation: Sendable, Hashable {
    /// One orbit of symmetry-equivalent sites.
    public struct Orbit: Sendable, Hashable {
        /// Element symbol (oxidation states are dropped).
        public let element: String
        /// Wyckoff letter in the standard setting.
        public let letter: String
    }

    /// Space-group number.
    public let spaceGroupNumber: Int
    /// Pearson symbol with the atoms of the conventional standard cell counted, also for `hR`
    /// (pymatgen's convention, used by protostructure labels; `SymmetryDataset.pearsonSymbol`
    /// counts the rhombohedral cell as AFLOW does).
    public let pearsonSymbol: String
    /// The orbits, sorted by element symbol and then letter.
    public let orbits: [Orbit]
    /// Number of sites of each element in the analysed cell.
    public let elementCounts: [String: Int]

    /// The representation of `structure` from its symmetry dataset: one orbit per class of
    /// `equivalentAtoms`.
    public init(structure: Structure, dataset: SymmetryDataset) throws(ProtostructureLabelError) {
        guard dataset.equivalentAtoms.count == structure.siteCount,
              dataset.wyckoffLetters.count == structure.siteCount else {
            throw .symmetry(.invalidCell("dataset does not match the structure"))
        }
        var counts: [String: Int] = [:]
        var symbols: [String] = []
        for (index, site) in structure.sites.enumerated() {
            guard site.isOrdered, let species = site.species.first else { throw .disorderedSite(index: index) }
            symbols.append(species.element.symbol)
            counts[species.element.symbol, default: 0] += 1
        }
        let number = dataset.spaceGroupNumber
        guard !WyckoffTable.positions(spaceGroup: number).isEmpty else { throw .unknownSpaceGroup(number) }
        var orbits: [Orbit] = []
        for representative in dataset.orbitRepresentatives {
            let letter = dataset.wyckoffLetters[representative]
            guard WyckoffTable.position(spaceGroup: number, letter: letter) != nil else {
                throw .unknownLetter(spaceGroup: number, letter: letter)
            }
            orbits.append(Orbit(element: symbols[representative], letter: letter))
        }
        let order = WyckoffPosition.letterOrder
        self.spaceGroupNumber = number
        self.pearsonSymbol = Self.pearsonSymbol(dataset)
        self.orbits = orbits.sorted {
            $0.element != $1.element
                ? PrototypeFormula.symbolPrecedes($0.element, $1.element)
                : (order.firstIndex(of: $0.letter) ?? 99) < (order.firstIndex(of: $1.letter) ?? 99)
        }
        self.elementCounts = counts
    }

    /// Crystal family, centring (`A`, `B`, `C` written `C`) and conventional-cell atom count.
    static func pearsonSymbol(_ dataset: SymmetryDataset) -> String {
        let centring = dataset.centring
        let letter = ["A", "B", "C", "S"].contains(centring) ? "C" : centring
        return dataset.crystalSystem.pearsonLetter + letter + String(dataset.conventionalAtomCount)
    }

    /// Elements in label order (code-point order of their symbols).
    public var elements: [String] { PrototypeFormula.sortedSymbols(elementCounts.keys) }

    /// Orbits per letter for each element, in label order.
    public var elementWyckoffs: [WyckoffCanonicalisation.ElementWyckoffs] {
        elements.map { element in
            Dictionary(orbits.filter { $0.element == element }.map { ($0.letter, 1) }, uniquingKeysWith: +)
        }
    }

    /// Sites per element implied by the multiplicities of the occupied positions.
    public var multiplicityCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for orbit in orbits {
            let position = WyckoffTable.position(spaceGroup: spaceGroupNumber, letter: orbit.letter)
            counts[orbit.element, default: 0] += position?.multiplicity ?? 0
        }
        return counts
    }

    /// True when the multiplicities reproduce the composition (the same reduced formula).
    public var isValid: Bool {
        PrototypeFormula.make(amounts: multiplicityCounts) == PrototypeFormula.make(amounts: elementCounts)
            && Set(multiplicityCounts.keys) == Set(elementCounts.keys)
    }
}
