import CurateIO
import Foundation

/// Opens a `vasprun.xml` (plain, gzip or xz, recognised by content) and reads it in bounded
/// memory: the decompressor hands libxml2 64 KiB at a time.
public enum VasprunFile {
    /// The run in the file at `path`. A file that cannot be opened is an error; a file that is
    /// cut off, in its compression or its XML, is a run with ``VaspRun/truncation`` set.
    public static func read(path: String, limits: DecompressionLimits = .standard) throws(IngestError) -> VaspRun {
        let source = try chunkSource(path: path, limits: limits)
        return VasprunReader.read(url: path, source: source)
    }

    /// Whether a file name looks like a VASP XML output (`vasprun.xml`, `vasprun.xml.gz`,
    /// `unconverged_vasprun.xml.ionic.gz`, `run1.vasprun.xml.xz`, …).
    public static func isVasprunName(_ name: String) -> Bool {
        name.lowercased().contains("vasprun")
    }

    static func chunkSource(path: String, limits: DecompressionLimits) throws(IngestError) -> XMLStreamReader.ChunkSource {
        switch try DFTInput.compression(of: path) {
        case .gzip:
            let reader: GzipReader
            do { reader = try GzipReader(url: URL(fileURLWithPath: path), limits: limits) } catch {
                throw .unreadable(path: path, reason: error.description)
            }
            return { try reader.nextChunk() }
        case .xz:
            let reader: XZReader
            do { reader = try XZReader(path: path, limits: limits) } catch {
                throw .unreadable(path: path, reason: error.description)
            }
            return { try reader.nextChunk() }
        case .none:
            guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(path: path, reason: "cannot open the file") }
            return {
                let data = try handle.read(upToCount: 1 << 16) ?? Data()
                return data.isEmpty ? nil : [UInt8](data)
            }
        }
    }
}
