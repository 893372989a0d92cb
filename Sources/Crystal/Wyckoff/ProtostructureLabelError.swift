/// Why a structure has no Wyckoff representation or protostructure label.
public enum ProtostructureLabelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A site holds several species or a partial occupancy (labels need ordered structures).
    case disorderedSite(index: Int)
    /// The symmetry search failed.
    case symmetry(SymmetryError)
    /// The space group has no entry in the Wyckoff table.
    case unknownSpaceGroup(Int)
    /// spglib gave a Wyckoff letter that the space group does not have.
    case unknownLetter(spaceGroup: Int, letter: String)
    /// The occupied positions' multiplicities do not reproduce the composition, also after
    /// re-analysing the refined cell at a tight tolerance. `observed` is the formula the
    /// multiplicities give, `expected` the structure's.
    case invalidMultiplicities(label: String, observed: String, expected: String)
    /// A label string does not have the form `formula_pearson_number_wyckoffs:system`.
    case malformedLabel(String)

    public var description: String {
        switch self {
        case .disorderedSite(let index): "site \(index) is disordered"
        case .symmetry(let error): "symmetry analysis failed: \(error)"
        case .unknownSpaceGroup(let number): "no Wyckoff table for space group \(number)"
        case .unknownLetter(let number, let letter): "space group \(number) has no Wyckoff letter \(letter)"
        case .invalidMultiplicities(let label, let observed, let expected):
            "invalid Wyckoff multiplicities - \(label): they give \(observed), the structure is \(expected)"
        case .malformedLabel(let text): "not a protostructure label: \(text)"
        }
    }
}
