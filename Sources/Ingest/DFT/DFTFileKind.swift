import CurateIO
import Foundation

/// What a file handed to `curate ingest mp` holds, decided from its content (after
/// decompression), so that one command reads both the composition tables and the JSON dumps.
public enum DFTFileKind: String, Sendable {
    /// A JSON document (pymatgen entries, Materials Project documents, OPTIMADE responses).
    case json
    /// A delimited text table (CSV or TSV).
    case table

    /// Sniffs the file at `path`: JSON when its first significant byte opens an array or object.
    public static func detect(path: String) throws(IngestError) -> DFTFileKind {
        let bytes: [UInt8]
        switch try DFTInput.compression(of: path) {
        case .none:
            bytes = try prefix(path: path)
        case .gzip:
            do { bytes = try GzipReader(url: URL(fileURLWithPath: path)).nextChunk() ?? [] } catch {
                throw .unreadable(path: path, reason: error.description)
            }
        case .xz:
            do { bytes = try XZReader(path: path).nextChunk() ?? [] } catch {
                throw .unreadable(path: path, reason: error.description)
            }
        }
        switch DFTInput.firstSignificantByte(bytes) {
        case UInt8(ascii: "["), UInt8(ascii: "{"): return .json
        default: return .table
        }
    }

    /// The first 4 KiB of a plain file.
    private static func prefix(path: String) throws(IngestError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "cannot open the file")
        }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 4096)).map { [UInt8]($0) } ?? []
    }
}
