/// Wren's Wyckoff-position embedding (thesis §6, appendix A.3), computed from the project's own
/// site expressions (`WyckoffSites`).
///
/// Layout, as in aviary's `bra-alg-off.json`:
/// `[algebraic parts | offset parts | crystal family (6) | centring (5)]`.
/// - algebraic parts: for every site of the conventional cell (centring copies counted with the
///   representative's expression) a one-hot over the distinct algebraic parts of all sites of all
///   positions (`(x,2x,)`: the coefficients, constants dropped), summed; the vocabulary is in
///   descending code-point order of that text;
/// - offset parts: likewise over the distinct constant-term vectors, in descending order;
/// - crystal family: triclinic, monoclinic, orthorhombic, tetragonal, trigonal/hexagonal, cubic;
/// - centring: P, I, F, base-centred (A, B or C), R.
/// The fractional multiplicity of a position in a material is appended by the model.
public struct WyckoffEmbedding: Sendable {
    /// The algebraic-part vocabulary, in layout order.
    public let algebraicVocabulary: [String]
    /// The offset vocabulary (24ths), in layout order.
    public let offsetVocabulary: [[Int]]
    /// Vectors by space group (index number − 1) and letter.
    private let vectors: [[String: [Float]]]

    /// Crystal families in the one-hot block.
    public static let familyCount = 6
    /// Centring kinds in the one-hot block.
    public static let centringCount = 5

    /// The embedding of all 230 space groups' positions.
    public static let standard = WyckoffEmbedding()

    /// The length of every vector.
    public var dimension: Int { algebraicVocabulary.count + offsetVocabulary.count + Self.familyCount + Self.centringCount }

    /// The vector of the position `letter` of space group `number`, or `nil` when there is none.
    public func vector(spaceGroup number: Int, letter: String) -> [Float]? {
        vectors.indices.contains(number - 1) ? vectors[number - 1][letter] : nil
    }

    /// Index of the first crystal-family entry.
    public var familyOffset: Int { algebraicVocabulary.count + offsetVocabulary.count }

    private init() {
        var algebraic = Set<String>()
        var offsets = Set<[Int]>()
        for number in 1...230 {
            for position in WyckoffSites.positions(spaceGroup: number) {
                for site in position.sites {
                    algebraic.insert(site.algebraicText)
                    offsets.insert(site.offset)
                }
            }
        }
        let algebraicOrder = algebraic.sorted { PrototypeFormula.symbolPrecedes($1, $0) }
        let offsetOrder = offsets.sorted { $1.lexicographicallyPrecedes($0) }
        let algebraicIndex = Dictionary(uniqueKeysWithValues: algebraicOrder.enumerated().map { ($1, $0) })
        let offsetIndex = Dictionary(uniqueKeysWithValues: offsetOrder.enumerated().map { ($1, $0) })
        let familyStart = algebraicOrder.count + offsetOrder.count
        let dimension = familyStart + Self.familyCount + Self.centringCount
        var vectors: [[String: [Float]]] = []
        for number in 1...230 {
            var byLetter: [String: [Float]] = [:]
            let copies = WyckoffSites.centringCount(spaceGroup: number)
            let family = Self.family(spaceGroup: number)
            let centring = Self.centring(spaceGroup: number)
            for position in WyckoffSites.positions(spaceGroup: number) {
                var v = [Float](repeating: 0, count: dimension)
                for site in position.sites {
                    if let a = algebraicIndex[site.algebraicText] { v[a] += Float(copies) }
                    if let o = offsetIndex[site.offset] { v[algebraicOrder.count + o] += Float(copies) }
                }
                if let family { v[familyStart + family] = 1 }
                if let centring { v[familyStart + Self.familyCount + centring] = 1 }
                byLetter[position.letter] = v
            }
            vectors.append(byLetter)
        }
        self.algebraicVocabulary = algebraicOrder
        self.offsetVocabulary = offsetOrder
        self.vectors = vectors
    }

    /// 0…5: triclinic, monoclinic, orthorhombic, tetragonal, trigonal or hexagonal, cubic.
    static func family(spaceGroup number: Int) -> Int? {
        switch CrystalSystem(spaceGroupNumber: number) {
        case .triclinic: 0
        case .monoclinic: 1
        case .orthorhombic: 2
        case .tetragonal: 3
        case .trigonal, .hexagonal: 4
        case .cubic: 5
        case nil: nil
        }
    }

    /// 0…4: P, I, F, base-centred, R; read from the standard setting's centring translations.
    static func centring(spaceGroup number: Int) -> Int? {
        guard let group = GroupOperations(spaceGroup: number) else { return nil }
        switch group.centrings.count {
        case 1: return 0
        case 3: return 4
        case 4: return 2
        case 2: return group.centrings[1] == [12, 12, 12] ? 1 : 3
        default: return nil
        }
    }
}
