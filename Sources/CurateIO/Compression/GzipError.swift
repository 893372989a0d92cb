/// Why a gzip file could not be read. Every case names the file.
public enum GzipError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened.
    case cannotOpen(path: String)
    /// Reading the compressed bytes failed.
    case readFailed(path: String)
    /// zlib rejected the data (bad header, bad checksum, invalid deflate stream).
    case corrupt(path: String, offset: Int, message: String)
    /// The file ended before the gzip stream did.
    case truncated(path: String, offset: Int)
    /// zlib could not be initialised (out of memory or a version mismatch).
    case initialisationFailed(path: String, code: Int32)
    /// The decompressed data broke a ``DecompressionLimits`` bound; `reason` names the option.
    case limitExceeded(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path): "\(path): cannot open"
        case .readFailed(let path): "\(path): read failed"
        case .corrupt(let path, let offset, let message): "\(path): corrupt gzip data near compressed byte \(offset): \(message)"
        case .truncated(let path, let offset): "\(path): truncated gzip stream (ends at compressed byte \(offset))"
        case .initialisationFailed(let path, let code): "\(path): zlib initialisation failed (code \(code))"
        case .limitExceeded(let path, let reason): "\(path): \(reason)"
        }
    }
}
