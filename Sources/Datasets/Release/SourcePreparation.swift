import CurateIO
import Foundation
import Ingest
import Store

/// A dataset source as found (or just ingested) in the store.
public struct PreparedSource: Sendable, Equatable {
    /// The spec entry.
    public var spec: SourceSpec
    /// Absolute path of the file read.
    public var absolutePath: String
    /// sha256 of the file's bytes.
    public var fileSHA256: String
    /// The completed ingest run of this file in the store.
    public var run: IngestRunRecord
    /// Whether this preparation ingested it (false: the store already had it).
    public var ingestedNow: Bool
}

/// Makes sure every source of a dataset is in the store: a source whose file (same name, same
/// sha256) was already ingested is used as is; otherwise the file is ingested now.
public enum SourcePreparation {
    /// Resolves `path` against `directory` unless it is absolute.
    public static func resolve(_ path: String, against directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }

    /// Prepares `sources` (absolute paths given in the same order) in `store`.
    public static func prepare(_ sources: [SourceSpec], absolutePaths: [String], store: CurateStore) throws -> [PreparedSource] {
        var prepared: [PreparedSource] = []
        for (source, path) in zip(sources, absolutePaths) {
            let sha = try digest(source, path: path)
            if let run = try completedRun(store, name: source.storeName, sha256: sha) {
                prepared.append(PreparedSource(spec: source, absolutePath: path, fileSHA256: sha, run: run, ingestedNow: false))
                continue
            }
            try ingest(source, path: path, store: store)
            guard let run = try completedRun(store, name: source.storeName, sha256: sha) else {
                throw DatasetError.source(name: source.storeName, message: "ingesting \(path) left no completed run in the store")
            }
            prepared.append(PreparedSource(spec: source, absolutePath: path, fileSHA256: sha, run: run, ingestedNow: true))
        }
        return prepared
    }

    /// The sha256 the ingesters record: of the file, or for a CIF folder of its files' digests.
    static func digest(_ source: SourceSpec, path: String) throws -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetError.source(name: source.storeName, message: "cannot read \(path): no such file or folder")
        }
        if isDirectory.boolValue {
            guard source.kind == "cif" else {
                throw DatasetError.source(name: source.storeName, message: "\(path) is a folder; only cif sources may be folders")
            }
            do { return try CIFIngester.digest(path: path) } catch {
                throw DatasetError.source(name: source.storeName, message: "\(error)")
            }
        }
        do { return try FileDigest.compute(path: path).sha256 } catch {
            throw DatasetError.source(name: source.storeName, message: "cannot read \(path): \(error)")
        }
    }

    static func completedRun(_ store: CurateStore, name: String, sha256: String) throws -> IngestRunRecord? {
        try store.runs().last { $0.sourceName == name && $0.fileSha256 == sha256 && $0.status == "completed" }
    }

    static func ingest(_ source: SourceSpec, path: String, store: CurateStore) throws {
        let options = IngestOptions(sourceName: source.storeName)
        do {
            switch source.kind {
            case "supercon":
                _ = try SuperConIngester.ingest(path: path, into: store, options: options)
            case "synthesis":
                _ = try SynthesisIngester.ingest(path: path, into: store, options: options)
            case "wbm":
                _ = try WBMIngester.ingest(path: path, into: store, options: options)
            case "optimade":
                _ = try OptimadeIngester.ingest(path: path, into: store, options: options)
            case "cif":
                _ = try CIFIngester.ingest(path: path, into: store, options: options)
            case "mp" where try DFTFileKind.detect(path: path) == .json:
                _ = try MaterialsProjectJSONIngester.ingest(path: path, into: store, options: options)
            default:
                let table = PropertyTableSpec(sourceKind: source.kind, property: source.property, unit: source.unit, valueColumn: source.valueColumn)
                _ = try PropertyTableIngester.ingest(path: path, into: store, spec: table, options: options)
            }
        } catch {
            throw DatasetError.source(name: source.storeName, message: "ingest of \(path) failed: \(error)")
        }
    }
}
