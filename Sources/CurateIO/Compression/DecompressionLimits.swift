import Foundation

/// Bounds on what a compressed input may expand to, so that a small hostile file (a "zip
/// bomb": gigabytes of zeros in a few megabytes) fails fast with a clear error instead of
/// exhausting memory or disk.
///
/// Two limits apply to every gzip and xz reader: the total decompressed size, and the ratio of
/// decompressed to compressed bytes (checked once the output passes ``ratioGraceBytes``, so
/// small, highly compressible files are never refused). Real inputs expand 3–25×; a run of
/// zeros expands about 1000× under gzip and far more under xz.
public struct DecompressionLimits: Sendable, Hashable {
    /// Largest decompressed size accepted, in bytes (`--max-decompressed-bytes`).
    public var maxBytes: Int
    /// Largest accepted ratio of decompressed to compressed bytes (`--max-compression-ratio`).
    public var maxRatio: Int
    /// Output below this many bytes is never refused for its ratio.
    public var ratioGraceBytes: Int

    /// The default size limit: 4 GiB.
    public static let defaultMaxBytes = 4 << 30
    /// The default ratio limit: 200.
    public static let defaultMaxRatio = 200
    /// The default ratio grace: 16 MiB.
    public static let defaultRatioGraceBytes = 16 << 20

    /// The defaults, overridden by `CURATE_MAX_DECOMPRESSED_BYTES` and
    /// `CURATE_MAX_COMPRESSION_RATIO` when those hold positive integers.
    public static var standard: DecompressionLimits {
        let environment = ProcessInfo.processInfo.environment
        return DecompressionLimits(
            maxBytes: environment["CURATE_MAX_DECOMPRESSED_BYTES"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? defaultMaxBytes,
            maxRatio: environment["CURATE_MAX_COMPRESSION_RATIO"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? defaultMaxRatio)
    }

    /// Creates limits.
    public init(maxBytes: Int = defaultMaxBytes, maxRatio: Int = defaultMaxRatio, ratioGraceBytes: Int = defaultRatioGraceBytes) {
        self.maxBytes = maxBytes
        self.maxRatio = maxRatio
        self.ratioGraceBytes = ratioGraceBytes
    }

    /// Why decompression stopped, or `nil` while `decompressed` bytes from `compressed` input
    /// are within the limits.
    public func violation(decompressed: Int, compressed: Int) -> String? {
        if decompressed > maxBytes {
            return "decompressed data exceeds \(maxBytes) bytes (--max-decompressed-bytes / CURATE_MAX_DECOMPRESSED_BYTES); "
                + "a larger limit accepts it"
        }
        if decompressed > ratioGraceBytes, decompressed / max(compressed, 1) > maxRatio {
            return "decompressed data is over \(maxRatio) times its compressed size (\(decompressed) bytes from \(compressed)), "
                + "likely a decompression bomb (--max-compression-ratio / CURATE_MAX_COMPRESSION_RATIO)"
        }
        return nil
    }
}
