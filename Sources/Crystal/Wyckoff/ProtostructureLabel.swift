/// A protostructure label in the format of aviary/pymatgen (Wren, SCIENCE.md §5):
/// `{prototype formula}_{Pearson symbol}_{space group}_{Wyckoff letters per element}:{chemical system}`,
/// e.g. `AB3C_cP5_221_a_c_b:Ca-O-Ti` for cubic perovskite CaTiO3.
///
/// Elements follow the code-point order of their symbols in every part; each element's part
/// lists its occupied letters with the number of orbits on each (`2ab`), canonicalised over
/// the equivalent letterings of the space group (`WyckoffCanonicalisation`).
public struct ProtostructureLabel: Sendable, Hashable, CustomStringConvertible {
    /// Anonymous formula, e.g. `AB3C`.
    public let prototypeFormula: String
    /// Pearson symbol with conventional-cell atom count, e.g. `cP5`, `hR6`.
    public let pearsonSymbol: String
    /// Space-group number.
    public let spaceGroupNumber: Int
    /// Wyckoff letters per element, joined with `_`, e.g. `a_c_b`.
    public let wyckoffs: String
    /// Chemical system, e.g. `Ca-O-Ti`.
    public let chemicalSystem: String
    /// False when the space group had no relabelings, so `wyckoffs` is spglib's lettering as is.
    public let isCanonical: Bool

    /// The label text.
    public var description: String {
        "\(prototypeFormula)_\(pearsonSymbol)_\(spaceGroupNumber)_\(wyckoffs):\(chemicalSystem)"
    }

    /// The label `formula_pearson_number_wyckoffs` without the chemical system: shared by all
    /// structures of one prototype.
    public var prototype: String { "\(prototypeFormula)_\(pearsonSymbol)_\(spaceGroupNumber)_\(wyckoffs)" }

    /// The label of a Wyckoff representation; throws `invalidMultiplicities` when the occupied
    /// positions do not reproduce the composition.
    public init(_ representation: WyckoffRepresentation) throws(ProtostructureLabelError) {
        let number = representation.spaceGroupNumber
        let elements = representation.elementWyckoffs
        let canonical = WyckoffCanonicalisation.canonical(elements, spaceGroup: number)
        prototypeFormula = PrototypeFormula.make(amounts: representation.elementCounts)
        pearsonSymbol = representation.pearsonSymbol
        spaceGroupNumber = number
        wyckoffs = canonical ?? WyckoffCanonicalisation.write(elements)
        chemicalSystem = representation.elements.joined(separator: "-")
        isCanonical = canonical != nil
        guard representation.isValid else {
            let observed = PrototypeFormula.make(amounts: representation.multiplicityCounts)
            throw .invalidMultiplicities(label: description, observed: observed, expected: prototypeFormula)
        }
    }

    /// Parses a label such as `AB3C_cP5_221_a_c_b:Ca-O-Ti` (the chemical system may be absent,
    /// as in AFLOW prototype labels). The Wyckoff part is kept as written.
    public init(parsing text: String) throws(ProtostructureLabelError) {
        let halves = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let parts = halves[0].split(separator: "_", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, let number = Int(parts[2]), (1...230).contains(number), !parts[0].isEmpty,
              parts[1].count >= 3, WyckoffCanonicalisation.parse(String(parts[3])) != nil
        else { throw .malformedLabel(text) }
        prototypeFormula = String(parts[0])
        pearsonSymbol = String(parts[1])
        spaceGroupNumber = number
        wyckoffs = String(parts[3])
        chemicalSystem = halves.count > 1 ? String(halves[1]) : ""
        isCanonical = false
    }
}
