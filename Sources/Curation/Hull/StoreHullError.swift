/// Why store observations could not be turned into hull entries.
public enum StoreHullError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The observations carry several correction schemes and none was chosen.
    case mixedCorrections([String])
    /// A `--chemsys` symbol is not an element.
    case unknownElement(String)

    public var description: String {
        switch self {
        case .mixedCorrections(let schemes):
            "the observations carry \(schemes.count) correction schemes (\(schemes.joined(separator: ", "))); choose one with --correction"
        case .unknownElement(let symbol): "unknown element \(symbol) in --chemsys"
        }
    }
}
