/// Everything the review library reports as a failure, with the file, line and field when the
/// problem is in an input file.
public enum ReviewError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A file could not be read or written.
    case unreadable(path: String, reason: String)
    /// A line of an input file is malformed.
    case invalidLine(path: String, line: Int, field: String, reason: String)
    /// An argument is out of range or inconsistent with the input.
    case invalidArgument(name: String, reason: String)
    /// Nothing to work on.
    case empty(what: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "cannot read \(path): \(reason)"
        case let .invalidLine(path, line, field, reason): return "\(path):\(line): field \(field): \(reason)"
        case let .invalidArgument(name, reason): return "invalid \(name): \(reason)"
        case let .empty(what): return "nothing to review: \(what)"
        }
    }
}
