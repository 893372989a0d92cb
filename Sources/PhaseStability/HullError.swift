/// Why a stability analysis could not be made.
public enum HullError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Entries (or references) carry different correction-scheme labels and mixing was not allowed.
    case mixedCorrectionSchemes([String])
    /// No elemental reference for an element that occurs in the entries.
    case missingElementalReference(String)
    /// No elemental entry for these elements (symbols, sorted by atomic number): every missing one is named.
    case missingElementalReferences([String])
    /// An entry whose energy is not finite, or whose composition has no atoms.
    case invalidEntry(id: String)
    /// Two entries share one id.
    case duplicateID(String)
    /// The linear program did not converge (should not happen; reports the entry).
    case solverFailed(id: String)

    public var description: String {
        switch self {
        case .mixedCorrectionSchemes(let schemes):
            "entries mix correction schemes \(schemes.joined(separator: ", ")); pass allowMixedSchemes to combine them"
        case .missingElementalReference(let symbol): "no elemental reference entry for \(symbol)"
        case .missingElementalReferences(let symbols):
            "no elemental entry for \(symbols.count) element(s): \(symbols.joined(separator: ", "))"
        case .invalidEntry(let id): "entry \(id) has a non-finite energy or no atoms"
        case .duplicateID(let id): "entry id \(id) occurs more than once"
        case .solverFailed(let id): "hull linear program failed for entry \(id)"
        }
    }
}
