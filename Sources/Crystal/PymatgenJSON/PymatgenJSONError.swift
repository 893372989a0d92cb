/// Why a pymatgen JSON document could not be read: the JSON path of the offending field and the
/// problem there, e.g. `$[12].structure.sites[3].species[0].occu: expected a number`.
public struct PymatgenJSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong at `path`.
    public enum Problem: Sendable, Hashable {
        /// The bytes are not JSON at all.
        case notJSON(String)
        /// A required field is absent.
        case missing
        /// The field has the wrong JSON type.
        case wrongType(expected: String)
        /// The field has the right type but an unusable value.
        case invalidValue(String)
        /// The sites do not make a valid structure.
        case structure(StructureError)
        /// The lattice matrix is degenerate.
        case lattice(LatticeError)
    }

    /// JSON path of the field, `$` being the document root.
    public let path: String
    /// The problem found there.
    public let problem: Problem

    /// Creates an error.
    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .notJSON(let message): "\(path): not JSON: \(message)"
        case .missing: "\(path): missing"
        case .wrongType(let expected): "\(path): expected \(expected)"
        case .invalidValue(let message): "\(path): \(message)"
        case .structure(let error): "\(path): \(error)"
        case .lattice(let error): "\(path): \(error)"
        }
    }
}
