/// Why an xz file could not be decompressed. Every case names the file.
public enum XZError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The data is not an xz stream, or is damaged (bad header, checksum, or block data).
    case corrupt(path: String, offset: Int, message: String)
    /// The file ends before the xz stream does.
    case truncated(path: String, offset: Int)
    /// liblzma could not allocate memory or refused its options.
    case decoder(path: String, message: String)
    /// The decompressed data is larger than the limit the caller allowed.
    case tooLarge(path: String, limit: Int)
    /// The decompressed data broke a ``DecompressionLimits`` bound; `reason` names the option.
    case limitExceeded(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .corrupt(let path, let offset, let message):
            return "\(path): corrupt xz data near compressed byte \(offset): \(message)"
        case .truncated(let path, let offset):
            return "\(path): truncated xz file: the stream ends unfinished after \(offset) compressed bytes"
        case .decoder(let path, let message):
            return "\(path): xz decoder failed: \(message)"
        case .tooLarge(let path, let limit):
            return "\(path): decompressed data exceeds the limit of \(limit) bytes"
        case .limitExceeded(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
