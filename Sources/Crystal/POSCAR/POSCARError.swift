/// Why a POSCAR could not be read, with the file and 1-based line.
public struct POSCARError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Hashable {
        /// The file ended before this part (e.g. `"lattice vector 2"`).
        case unexpectedEnd(String)
        /// A number was expected (the text found).
        case invalidNumber(String)
        /// A line has too few values (what was expected).
        case tooFewValues(String)
        /// The scale is zero or not finite, or three scales are not all positive.
        case invalidScale(String)
        /// The lattice vectors do not form a valid cell.
        case invalidLattice(LatticeError)
        /// Atom counts must be positive integers.
        case invalidCount(String)
        /// Species names and counts differ in number.
        case speciesCountMismatch(species: Int, counts: Int)
        /// A species name is not an element symbol.
        case unknownElement(String)
        /// No species names: none in the file, none given, none in the comment line.
        case unknownSpecies
        /// The structure could not be built.
        case invalidStructure(StructureError)
    }

    /// What went wrong.
    public let reason: Reason
    /// The file, when known.
    public let file: String?
    /// 1-based line, when it applies.
    public let line: Int?

    /// Creates an error.
    public init(_ reason: Reason, file: String? = nil, line: Int? = nil) {
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// A stable machine-readable code.
    public var code: String {
        switch reason {
        case .unexpectedEnd: "unexpected-end"
        case .invalidNumber: "invalid-number"
        case .tooFewValues: "too-few-values"
        case .invalidScale: "invalid-scale"
        case .invalidLattice: "invalid-lattice"
        case .invalidCount: "invalid-count"
        case .speciesCountMismatch: "species-count-mismatch"
        case .unknownElement: "unknown-element"
        case .unknownSpecies: "unknown-species"
        case .invalidStructure: "invalid-structure"
        }
    }

    public var description: String {
        let place = [file, line.map(String.init)].compactMap { $0 }.joined(separator: ":")
        let detail: String = switch reason {
        case .unexpectedEnd(let what): "file ends before \(what)"
        case .invalidNumber(let text): "\"\(text)\" is not a number"
        case .tooFewValues(let what): "too few values for \(what)"
        case .invalidScale(let text): "invalid scale \(text)"
        case .invalidLattice(let error): "\(error)"
        case .invalidCount(let text): "invalid atom count \"\(text)\""
        case .speciesCountMismatch(let species, let counts): "\(species) species names but \(counts) counts"
        case .unknownElement(let name): "\"\(name)\" is not an element"
        case .unknownSpecies: "species unknown: no species line, none given, and the comment names none"
        case .invalidStructure(let error): "\(error)"
        }
        return (place.isEmpty ? "" : place + ": ") + code + ": " + detail
    }
}
