import Chemistry

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

    /// Creates options.
    public init(sourceName: String? = nil, bindings: FormulaBindings = .none, maxRecordBytes: Int = 1 << 20,
                decompression: DecompressionLimits = .standard) {
        self.sourceName = sourceName
        self.bindings = bindings
        self.maxRecordBytes = maxRecordBytes
        self.decompression = decompression
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

    /// The source name for `path`.
    func sourceName(for path: String) -> String {
        if let sourceName, !sourceName.isEmpty { return sourceName }
        let file = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = file.lastIndex(of: "."), dot != file.startIndex { return String(file[..<dot]) }
        return file
    }
}
