import CurateIO
import Foundation

/// The bytes of an input file, decompressed when it is gzip or xz (recognised by content, not
/// by extension), for formats that need the whole document (JSON) or a decompressed copy (CSV).
enum DFTInput {
    /// How the file was stored.
    enum Compression: String, Sendable {
        case none, gzip, xz
    }

    /// The compression of the file at `path`, from its first bytes.
    static func compression(of path: String) throws(IngestError) -> Compression {
        try RegularFile.refuseSpecial(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path)
                              ? "cannot open the file" : "no such file")
        }
        let magic = (try? handle.read(upToCount: 6)).map { [UInt8]($0) } ?? []
        try? handle.close()
        if magic.count >= 2, magic[0] == 0x1F, magic[1] == 0x8B { return .gzip }
        if XZ.hasMagic(magic) { return .xz }
        return .none
    }

    /// The whole file, decompressed within `limits`. A truncated or corrupt compressed stream,
    /// or one that breaks the limits, is an error.
    static func load(path: String, limits: DecompressionLimits = .standard) throws(IngestError) -> (bytes: [UInt8], compression: Compression) {
        let compression = try compression(of: path)
        switch compression {
        case .gzip, .xz:
            var bytes: [UInt8] = []
            try decompress(path: path, compression: compression, limits: limits) { chunk throws(IngestError) in
                bytes.append(contentsOf: chunk)
            }
            return (bytes, compression)
        case .none:
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .unreadable(path: path, reason: "cannot read the file")
            }
            return ([UInt8](data), compression)
        }
    }

    /// Streams the decompressed chunks of a gzip or xz file to `consume`, in bounded memory.
    static func decompress(path: String, compression: Compression, limits: DecompressionLimits,
                           _ consume: ([UInt8]) throws(IngestError) -> Void) throws(IngestError) {
        guard let next = try chunks(path: path, compression: compression, limits: limits) else { return }
        while let chunk = try next() { try consume(chunk) }
    }

    /// Up to `count` of the first decompressed bytes of `path`, without reading further.
    static func prefix(path: String, compression: Compression, limits: DecompressionLimits,
                       count: Int) throws(IngestError) -> [UInt8] {
        guard let next = try chunks(path: path, compression: compression, limits: limits) else {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw .unreadable(path: path, reason: "cannot read the file")
            }
            defer { try? handle.close() }
            do { return [UInt8](try handle.read(upToCount: count) ?? Data()) } catch {
                throw .unreadable(path: path, reason: "cannot read the file: \(error.localizedDescription)")
            }
        }
        var bytes: [UInt8] = []
        while bytes.count < count, let chunk = try next() { bytes += chunk }
        return Array(bytes.prefix(count))
    }

    /// A function that returns the next decompressed chunk of a gzip or xz file (`nil` at the
    /// end); `nil` for an uncompressed file. Reader errors name the file.
    private static func chunks(path: String, compression: Compression,
                               limits: DecompressionLimits) throws(IngestError) -> (() throws(IngestError) -> [UInt8]?)? {
        switch compression {
        case .gzip:
            let reader: GzipReader
            do { reader = try GzipReader(url: URL(fileURLWithPath: path), limits: limits) } catch {
                throw .unreadable(path: path, reason: error.description)
            }
            return { () throws(IngestError) in
                do { return try reader.nextChunk() } catch { throw .unreadable(path: path, reason: String(describing: error)) }
            }
        case .xz:
            let reader: XZReader
            do { reader = try XZReader(path: path, limits: limits) } catch {
                throw .unreadable(path: path, reason: error.description)
            }
            return { () throws(IngestError) in
                do { return try reader.nextChunk() } catch { throw .unreadable(path: path, reason: String(describing: error)) }
            }
        case .none:
            return nil
        }
    }

    /// The first byte that is not whitespace or a UTF-8 byte-order mark, if any.
    static func firstSignificantByte(_ bytes: [UInt8]) -> UInt8? {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return bytes[index]
            }
        }
        return nil
    }
}
