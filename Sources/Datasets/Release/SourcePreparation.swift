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

    /// Prepares `sources` (absolute paths given in the same order) in `store`; source k is
    /// stage k of `stageCount` for `progress`.
    public static func prepare(_ sources: [SourceSpec], absolutePaths: [String], store: CurateStore,
                               progress: WorkProgress? = nil, stageCount: Int? = nil) throws -> [PreparedSource] {
        var prepared: [PreparedSource] = []
        for (index, (source, path)) in zip(sources, absolutePaths).enumerated() {
            let stages = stageCount ?? sources.count
            progress?(WorkStage(index: index, count: stages, label: "hash source \(source.storeName)"))
            let sha = try digest(source, path: path)
            if let run = try completedRun(store, name: source.storeName, sha256: sha) {
                prepared.append(PreparedSource(spec: source, absolutePath: path, fileSHA256: sha, run: run, ingestedNow: false))
                continue
            }
            progress?(WorkStage(index: index, count: stages, label: "ingest source \(source.storeName)", file: path))
            try ingest(source, path: path, store: store)
            guard let run = try completedRun(store, name: source.storeName, sha256: sha) else {
                throw DatasetError.source(name: source.storeName, message: "ingesting \(path) left no completed run in the store")
            }
            prepared.append(PreparedSource(spec: source, absolutePath: path, fileSHA256: sha, run: run, ingestedNow: true))
        }
        return prepared
    }

    /// The sha256 the source's ingester records: of the file, or for a CIF folder of its files' digests.
    static func digest(_ source: SourceSpec, path: String) throws -> String {
        let ingester = try source.ingester()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetError.source(name: source.storeName, message: "cannot read \(path): no such file or folder")
        }
        if isDirectory.boolValue, !ingester.readsFolders {
            let folderKinds = SourceRegistry.ingesters.filter(\.readsFolders).map(\.kind).sorted().joined(separator: ", ")
            throw DatasetError.source(name: source.storeName, message: "\(path) is a folder; only \(folderKinds) sources may be folders")
        }
        do { return try ingester.digest(path: path).sha256 } catch {
            let message = isDirectory.boolValue ? "\(error)" : "cannot read \(path): \(error)"
            throw DatasetError.source(name: source.storeName, message: message)
        }
    }

    static func completedRun(_ store: CurateStore, name: String, sha256: String) throws -> IngestRunRecord? {
        try store.runs().last { $0.sourceName == name && $0.fileSha256 == sha256 && $0.status == "completed" }
    }

    static func ingest(_ source: SourceSpec, path: String, store: CurateStore) throws {
        let ingester = try source.ingester()
        do {
            _ = try ingester.ingest(path: path, parameters: source.parameters, options: IngestOptions(sourceName: source.storeName),
                                    into: store)
        } catch {
            throw DatasetError.source(name: source.storeName, message: "ingest of \(path) failed: \(error)")
        }
    }
}
