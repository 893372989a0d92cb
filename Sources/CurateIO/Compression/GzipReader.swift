import CZlib
import Foundation

/// Streaming gzip decompressor over a file: yields decompressed chunks in constant memory.
///
/// Uses zlib's `inflate` with gzip framing (`16 + MAX_WBITS`). Concatenated gzip members (as
/// written by `cat a.gz b.gz`) are read one after another. Corrupt data and a stream that ends
/// early raise `GzipError` naming the file. Not thread-safe: one reader per task.
public final class GzipReader {
    /// Size of the compressed and decompressed buffers.
    public static let chunkSize = 1 << 16

    /// The file being read.
    public let path: String
    private let handle: FileHandle
    private var stream = z_stream()
    private var input: [UInt8] = []
    private var output: [UInt8]
    private var compressedOffset = 0
    private var inputEnded = false
    private var streamEnded = false
    private var finished = false
    private var isOpen = false
    private var decompressedTotal = 0
    /// The bounds on the decompressed size and the compression ratio.
    public let limits: DecompressionLimits

    /// Opens `url` for reading; throws `GzipError.cannotOpen` when it cannot be opened.
    /// Decompression stops with ``GzipError/limitExceeded(path:reason:)`` beyond `limits`.
    public init(url: URL, limits: DecompressionLimits = .standard) throws(GzipError) {
        path = url.path
        self.limits = limits
        guard let handle = try? FileHandle(forReadingFrom: url) else { throw .cannotOpen(path: url.path) }
        self.handle = handle
        output = [UInt8](repeating: 0, count: Self.chunkSize)
        let code = inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard code == Z_OK else { throw .initialisationFailed(path: url.path, code: code) }
        isOpen = true
    }

    deinit {
        if isOpen { inflateEnd(&stream) }
        try? handle.close()
    }

    /// The next chunk of decompressed bytes, or nil at the end of the file.
    public func nextChunk() throws(GzipError) -> [UInt8]? {
        while !finished {
            if stream.avail_in == 0 && !inputEnded { try refill() }
            if stream.avail_in == 0 && inputEnded {
                finished = true
                // A file that ends inside a member, or holds no member at all, is truncated.
                if !streamEnded { throw .truncated(path: path, offset: compressedOffset) }
                return nil
            }
            let produced = try inflateStep()
            if produced > 0 {
                decompressedTotal += produced
                if let reason = limits.violation(decompressed: decompressedTotal, compressed: compressedOffset) {
                    finished = true
                    throw .limitExceeded(path: path, reason: reason)
                }
                return Array(output[0..<produced])
            }
        }
        return nil
    }

    /// Decompresses the whole file into memory (for formats such as JSON that need it whole),
    /// within ``limits``.
    public func readAll() throws(GzipError) -> Data {
        var data = Data()
        while let chunk = try nextChunk() { data.append(contentsOf: chunk) }
        return data
    }

    /// Reads the next compressed block into `input` and points zlib at it.
    private func refill() throws(GzipError) {
        let block: Data?
        do { block = try handle.read(upToCount: Self.chunkSize) } catch { throw .readFailed(path: path) }
        guard let block, !block.isEmpty else {
            inputEnded = true
            return
        }
        input = [UInt8](block)
        stream.avail_in = UInt32(input.count)
    }

    /// Runs `inflate` once on the pending input; returns the number of bytes produced.
    private func inflateStep() throws(GzipError) -> Int {
        let consumedBefore = Int(stream.avail_in)
        let start = input.count - consumedBefore
        let (code, produced, remaining) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress.map { $0 + start }
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                let code = inflate(&stream, Z_NO_FLUSH)
                let produced = outBuffer.count - Int(stream.avail_out)
                let remaining = Int(stream.avail_in)
                stream.next_in = nil
                stream.next_out = nil
                return (code, produced, remaining)
            }
        }
        compressedOffset += consumedBefore - remaining
        switch code {
        case Z_OK:
            streamEnded = false
        case Z_STREAM_END:
            streamEnded = true
            // Another gzip member may follow; start it afresh.
            if remaining > 0 || !inputEnded { inflateReset(&stream) }
        case Z_BUF_ERROR where produced == 0 && remaining == 0:
            break // needs more input; the caller refills or reports truncation
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(code)"
            throw .corrupt(path: path, offset: compressedOffset, message: message)
        }
        return produced
    }
}
