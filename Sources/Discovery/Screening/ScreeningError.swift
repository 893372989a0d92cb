/// Why screening or candidate generation could not run, with the file, line and field where
/// the input was at fault.
public enum ScreeningError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A rolling-error grid that cannot be evaluated.
    case invalidGrid(window: Double, lower: Double, upper: Double, step: Double)
    /// A file that could not be read at all.
    case unreadable(path: String, reason: String)
    /// A required column is missing from a CSV header.
    case missingColumn(path: String, column: String, available: [String])
    /// A field that could not be used.
    case invalidField(path: String, line: Int, field: String, value: String, reason: String)
    /// An input with no usable rows.
    case empty(path: String)
    /// The hull computation refused the reference entries.
    case hull(String)

    /// One line for the command line.
    public var description: String {
        switch self {
        case let .invalidGrid(window, lower, upper, step):
            return "invalid rolling-error grid: window \(window), from \(lower) to \(upper) by \(step) (window and step must be positive, lower ≤ upper)"
        case let .unreadable(path, reason):
            return "\(path): cannot read: \(reason)"
        case let .missingColumn(path, column, available):
            return "\(path): no column \"\(column)\" (columns: \(available.joined(separator: ", ")))"
        case let .invalidField(path, line, field, value, reason):
            return "\(path):\(line): field \(field) = \"\(value)\": \(reason)"
        case let .empty(path):
            return "\(path): no rows"
        case let .hull(message):
            return "hull: \(message)"
        }
    }
}
