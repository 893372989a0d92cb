#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CLZMA

/// Streaming xz decompression (liblzma's `lzma_stream_decoder`): reads the file in fixed
/// chunks and hands back decompressed chunks, so memory stays bounded by the chunk size.
///
/// Concatenated xz streams are accepted (`LZMA_CONCATENATED`). Corrupt or truncated input
/// throws an ``XZError`` naming the file and the compressed offset.
public final class XZReader {
    /// File being read.
    public let path: String
    private let descriptor: Int32
    private var stream = lzma_stream()
    private var input: [UInt8]
    private var inputOffset = 0
    private var inputEnded = false
    private var finished = false
    private let chunkSize: Int
    /// The bounds on the decompressed size and the compression ratio.
    public let limits: DecompressionLimits
    /// liblzma's `LZMA_CONCATENATED` decoder flag (a macro Swift does not import).
    private static let concatenatedFlag: UInt32 = 0x08
    /// Memory the decoder may use (its dictionary): 1 GiB, far above what `xz -9` needs (674 MiB
    /// for `-9e` compression, 65 MiB to decompress), so a crafted header cannot claim more.
    private static let decoderMemoryLimit: UInt64 = 1 << 30

    /// Opens `path`; `chunkSize` is the size of both the read buffer and each decompressed chunk.
    /// Decompression stops with ``XZError/limitExceeded(path:reason:)`` beyond `limits`.
    public init(path: String, chunkSize: Int = 1 << 16, limits: DecompressionLimits = .standard) throws(XZError) {
        self.path = path
        self.limits = limits
        self.chunkSize = max(4096, chunkSize)
        self.input = [UInt8](repeating: 0, count: self.chunkSize)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        self.descriptor = descriptor
        let status = lzma_stream_decoder(&stream, XZReader.decoderMemoryLimit, XZReader.concatenatedFlag)
        guard status == LZMA_OK else {
            close(descriptor)
            throw .decoder(path: path, message: XZReader.describe(status))
        }
    }

    deinit {
        lzma_end(&stream)
        close(descriptor)
    }

    /// The next decompressed chunk, or `nil` at the end of the stream.
    public func nextChunk() throws(XZError) -> [UInt8]? {
        if finished { return nil }
        var output = [UInt8](repeating: 0, count: chunkSize)
        var produced = 0
        while produced == 0 {
            if stream.avail_in == 0 && !inputEnded { try refill() }
            let action = inputEnded && stream.avail_in == 0 ? LZMA_FINISH : LZMA_RUN
            let status: lzma_ret = input.withUnsafeBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    let consumedBefore = inBuffer.count - Int(stream.avail_in)
                    stream.next_in = inBuffer.baseAddress.map { UnsafePointer($0 + consumedBefore) }
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = outBuffer.count
                    let status = lzma_code(&stream, action)
                    stream.next_in = nil
                    stream.next_out = nil
                    return status
                }
            }
            produced = chunkSize - Int(stream.avail_out)
            switch status {
            case LZMA_OK:
                if produced == 0 && inputEnded && stream.avail_in == 0 {
                    throw .truncated(path: path, offset: Int(stream.total_in))
                }
            case LZMA_STREAM_END:
                finished = true
                if produced == 0 { return nil }
            case LZMA_BUF_ERROR:
                throw .truncated(path: path, offset: Int(stream.total_in))
            case LZMA_FORMAT_ERROR, LZMA_DATA_ERROR, LZMA_OPTIONS_ERROR:
                throw .corrupt(path: path, offset: Int(stream.total_in), message: XZReader.describe(status))
            default:
                throw .decoder(path: path, message: XZReader.describe(status))
            }
        }
        output.removeSubrange(produced...)
        if let reason = limits.violation(decompressed: Int(stream.total_out), compressed: Int(stream.total_in)) {
            finished = true
            throw .limitExceeded(path: path, reason: reason)
        }
        return output
    }

    /// Decompresses the rest of the file into one buffer, refusing more than `limit` bytes.
    public func readAll(limit: Int = 1 << 32) throws(XZError) -> [UInt8] {
        var result: [UInt8] = []
        while let chunk = try nextChunk() {
            guard result.count + chunk.count <= limit else { throw .tooLarge(path: path, limit: limit) }
            result.append(contentsOf: chunk)
        }
        return result
    }

    /// Reads the next block of compressed input; `stream.avail_in` counts the unread bytes,
    /// which sit at the end of `input`.
    private func refill() throws(XZError) {
        let count = input.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress, raw.count) }
        if count < 0 {
            if errno == EINTR { return }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if count == 0 {
            inputEnded = true
            return
        }
        if count < input.count {
            // Keep the unread bytes at the end of the buffer so the offset arithmetic holds.
            let tail = Array(input[0..<count])
            input.replaceSubrange((input.count - count)..., with: tail)
        }
        inputOffset += count
        stream.avail_in = count
    }

    private static func describe(_ status: lzma_ret) -> String {
        switch status {
        case LZMA_MEM_ERROR: return "out of memory"
        case LZMA_MEMLIMIT_ERROR: return "memory limit reached"
        case LZMA_FORMAT_ERROR: return "not an xz stream (bad magic bytes)"
        case LZMA_OPTIONS_ERROR: return "unsupported compression options"
        case LZMA_DATA_ERROR: return "compressed data is corrupt"
        case LZMA_BUF_ERROR: return "unexpected end of input"
        case LZMA_PROG_ERROR: return "programming error in the decoder call"
        default: return "liblzma status \(status.rawValue)"
        }
    }
}

/// Convenience: whole-file xz decompression.
public enum XZ {
    /// Decompresses the xz file at `path` into memory.
    public static func decompress(path: String, limits: DecompressionLimits = .standard) throws(XZError) -> [UInt8] {
        try XZReader(path: path, limits: limits).readAll(limit: limits.maxBytes)
    }

    /// True when `bytes` start with the xz magic `FD 37 7A 58 5A 00`.
    public static func hasMagic(_ bytes: some Collection<UInt8>) -> Bool {
        Array(bytes.prefix(6)) == [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]
    }
}
