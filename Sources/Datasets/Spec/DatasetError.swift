/// Why a dataset could not be built, released, verified or compared.
public enum DatasetError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The dataset spec is unreadable or invalid.
    case spec(path: String, message: String)
    /// A source could not be found or ingested.
    case source(name: String, message: String)
    /// The store does not hold what the spec needs.
    case input(message: String)
    /// A release directory already exists: versions are immutable.
    case releaseExists(path: String)
    /// A release directory is unreadable or malformed.
    case release(path: String, message: String)

    public var description: String {
        switch self {
        case .spec(let path, let message): "\(path): invalid dataset spec: \(message)"
        case .source(let name, let message): "source \(name): \(message)"
        case .input(let message): message
        case .releaseExists(let path): "\(path) already exists: a released version is immutable; release a new version instead"
        case .release(let path, let message): "\(path): \(message)"
        }
    }
}
