import CurateIO
import Foundation

/// A comma- or tab-separated table, plain or gzip/xz-compressed, read row by row.
///
/// Plain files are streamed in place. A compressed file is decompressed once into a temporary
/// file that is removed when the table is released; errors name the original file. The
/// delimiter is a tab when the first line holds more tabs than commas.
final class DelimitedTable {
    /// The file as given.
    let path: String
    /// The first record (a header, or the first data row of a headerless file).
    let firstRow: CSVRow
    /// `,` or tab.
    let delimiter: UInt8
    /// How the file was stored.
    let compression: DFTInput.Compression
    private let reader: CSVReader
    private let temporaryPath: String?

    /// Opens `path`; throws when it cannot be read as a table.
    init(path: String, maxRecordBytes: Int, decompression: DecompressionLimits = .standard) throws(IngestError) {
        self.path = path
        compression = try DFTInput.compression(of: path)
        let readable: String
        let firstLine: [UInt8]
        if compression == .none {
            readable = path
            temporaryPath = nil
            firstLine = Self.firstLine(of: try Self.prefix(path: path))
        } else {
            let temporary = FileManager.default.temporaryDirectory
                .appendingPathComponent("curate-\(UUID().uuidString)-\((path as NSString).lastPathComponent).txt").path
            firstLine = Self.firstLine(of: try Self.decompress(path: path, compression: compression, into: temporary, limits: decompression))
            readable = temporary
            temporaryPath = temporary
        }
        let tabs = firstLine.filter { $0 == 0x09 }.count
        let commas = firstLine.filter { $0 == UInt8(ascii: ",") }.count
        delimiter = tabs > commas ? 0x09 : UInt8(ascii: ",")
        do {
            reader = try CSVReader(path: readable, options: CSVReaderOptions(delimiter: delimiter, maxRecordBytes: maxRecordBytes))
        } catch {
            if let temporaryPath { try? FileManager.default.removeItem(atPath: temporaryPath) }
            throw Self.describe(error, path: path, temporaryPath: temporaryPath)
        }
        guard let header = reader.header else {
            if let temporaryPath { try? FileManager.default.removeItem(atPath: temporaryPath) }
            throw .header(path: path, message: "the file has no header row", columnsSeen: [])
        }
        firstRow = header
    }

    /// Streams the decompressed file into `temporary` (bounded memory: one chunk at a time);
    /// returns its first 64 KiB. Removes `temporary` when it fails.
    private static func decompress(path: String, compression: DFTInput.Compression, into temporary: String,
                                   limits: DecompressionLimits) throws(IngestError) -> [UInt8] {
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let output = FileHandle(forWritingAtPath: temporary) else {
            throw .unreadable(path: path, reason: "cannot write the decompressed copy to \(temporary)")
        }
        var prefix: [UInt8] = []
        do {
            defer { try? output.close() }
            try DFTInput.decompress(path: path, compression: compression, limits: limits) { chunk throws(IngestError) in
                if prefix.count < 1 << 16 { prefix.append(contentsOf: chunk.prefix((1 << 16) - prefix.count)) }
                do { try output.write(contentsOf: chunk) } catch {
                    throw .unreadable(path: path, reason: "cannot write the decompressed copy to \(temporary): \(error)")
                }
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        return prefix
    }

    deinit {
        if let temporaryPath { try? FileManager.default.removeItem(atPath: temporaryPath) }
    }

    /// The next row after the first, or nil at the end.
    func next() throws(IngestError) -> CSVRow? {
        do {
            return try reader.next()
        } catch {
            throw Self.describe(error, path: path, temporaryPath: temporaryPath)
        }
    }

    /// A CSV error about the decompressed copy, restated for the original file.
    private static func describe(_ error: CSVError, path: String, temporaryPath: String?) -> IngestError {
        guard let temporaryPath else { return .csv(error) }
        return .unreadable(path: path, reason: "after decompression: " + error.description
            .replacingOccurrences(of: temporaryPath, with: path))
    }

    private static func prefix(path: String) throws(IngestError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot open the file" : "no such file")
        }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 64 << 10)).map { [UInt8]($0) } ?? []
    }

    private static func firstLine(of bytes: [UInt8]) -> [UInt8] {
        Array(bytes.prefix(64 << 10).prefix { $0 != 0x0A && $0 != 0x0D })
    }
}
