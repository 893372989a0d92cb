import Chemistry
import CurateIO
import Crystal

/// Options common to ingesters.
public struct IngestOptions: Sendable {
    /// Source name; defaults to the file name without extension.
    public var sourceName: String?
    /// Values for formula variables and placeholders (`x=0.15`, `R=Pr`).
    public var bindings: FormulaBindings
    /// Longest raw record accepted, in bytes.
    public var maxRecordBytes: Int
    /// Bounds on decompressed size and compression ratio for gzip and xz inputs. Not recorded
    /// with the run: they decide whether a file is read, never what is read from it.
    public var decompression: DecompressionLimits
    /// How CIF blocks are read (tolerances, and the atom-count, file-size and cell-length limits
    /// checked before symmetry). Used by the `cif` source.
    public var cifReading: CIFReadOptions

    /// Creates options.
    public init(sourceName: String? = nil, bindings: FormulaBindings = .none, maxRecordBytes: Int = 1 << 20,
                decompression: DecompressionLimits = .standard, cifReading: CIFReadOptions = CIFReadOptions()) {
        self.sourceName = sourceName
        self.bindings = bindings
        self.maxRecordBytes = maxRecordBytes
        self.decompression = decompression
        self.cifReading = cifReading
    }

    /// Options as recorded with the run.
    var recorded: [String: String] {
        var result: [String: String] = ["max_record_bytes": String(maxRecordBytes)]
        if !bindings.variables.isEmpty {
            result["variables"] = bindings.variables.keys.sorted().map { "\($0)=\(bindings.variables[$0] ?? 0)" }.joined(separator: ",")
        }
        if !bindings.placeholders.isEmpty {
            result["placeholders"] = bindings.placeholders.keys.sorted().map { "\($0)=\(bindings.placeholders[$0] ?? "")" }.joined(separator: ",")
        }
        return result
    }

    /// Compression suffixes dropped before the format extension when naming a source.
    static let compressionSuffixes = [".gz", ".xz", ".bz2", ".zip"]

    /// The source name for `path`: `sourceName` when given, else the file (or folder) name
    /// without a trailing `/`, one compression suffix and then its last extension, for every
    /// kind alike: `stanev-2018.csv` → `stanev-2018`, `Li-Fe-O.json.gz` → `Li-Fe-O`,
    /// `solid-state_dataset_2019-06-27.json.xz` → `solid-state_dataset_2019-06-27`, `cifs/` → `cifs`.
    func sourceName(for path: String) -> String {
        if let sourceName, !sourceName.isEmpty { return sourceName }
        var file = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in Self.compressionSuffixes where file.hasSuffix(suffix) && file.count > suffix.count {
            file.removeLast(suffix.count)
            break
        }
        if let dot = file.lastIndex(of: "."), dot != file.startIndex { return String(file[..<dot]) }
        return file
    }
}
