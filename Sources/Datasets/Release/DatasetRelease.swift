import CurateIO
import Curation
import Foundation
import Store

/// The release workflow behind `curate release`: build from a spec, write an immutable
/// version directory, and verify a release by rebuilding it.
public enum DatasetRelease {
    /// What a release (or a rebuild) produced.
    public struct Outcome: Sendable {
        public var directory: String
        public var files: ReleaseFiles
        /// Sources the build had to ingest.
        public var ingested: [String]
        /// Staging folders of interrupted releases that this release removed or found in use.
        public var leftovers = ReleaseStaging.Leftovers()
    }

    /// Builds the release of `specPath` at `version` into `outDirectory` (default:
    /// `<spec directory>/<name>/<version>`). With `storePath` the build reads (and, for missing
    /// sources, writes) that store; without it the sources are ingested into a fresh in-memory
    /// store. Nothing is written when `dryRun` is set.
    public static func release(specPath: String, version: String, outDirectory: String? = nil,
                               storePath: String? = nil, dryRun: Bool = false, build mode: BuildMode = .automatic,
                               progress: WorkProgress? = nil) throws -> Outcome {
        try checkVersion(version)
        let (spec, curationSpec, specDirectory) = try loadSpecs(specPath)
        let directory = absolute(outDirectory ?? (specDirectory as NSString).appendingPathComponent("\(spec.name)/\(version)"))
        guard dryRun || !FileManager.default.fileExists(atPath: directory) else { throw DatasetError.releaseExists(path: directory) }
        let paths = spec.sources.map { SourcePreparation.resolve($0.path, against: specDirectory) }
        var outcome = try rebuild(spec: spec, curationSpec: curationSpec, version: version, sourcePaths: paths,
                                  directory: directory, storePath: storePath, mode: mode,
                                  stagingPath: dryRun ? nil : ReleaseStaging.path(for: directory), progress: progress)
        if !dryRun {
            progress?(WorkStage(index: DatasetBuilder.stageCount(spec) - 1, count: DatasetBuilder.stageCount(spec), label: "write the release"))
            outcome.leftovers = try ReleaseWriter.write(outcome.files, to: directory)
            outcome.files = outcome.files.released(at: directory)
        }
        return outcome
    }

    /// The dataset spec at `specPath`, the curation spec it names (checked against it) and the
    /// spec's absolute directory.
    static func loadSpecs(_ specPath: String) throws -> (DatasetSpec, CurationSpec, String) {
        let spec = try DatasetSpec.load(path: specPath)
        let specDirectory = absolute((specPath as NSString).deletingLastPathComponent)
        let curationPath = SourcePreparation.resolve(spec.curation, against: specDirectory)
        let curationSpec: CurationSpec
        do {
            curationSpec = try CurationSpec.load(path: curationPath)
        } catch {
            throw DatasetError.spec(path: specPath, message: "curation: \(error)")
        }
        guard (spec.representation == "wyckoff") == (curationSpec.dedup.tier == "protostructure") else {
            throw DatasetError.spec(path: specPath, message: "a wyckoff dataset needs a curation spec with the protostructure tier (and only a wyckoff dataset uses it); \(spec.curation) uses \(curationSpec.dedup.tier)")
        }
        guard curationSpec.property == spec.target.property else {
            throw DatasetError.spec(path: specPath, message: "target.property is \(spec.target.property) but the curation spec \(spec.curation) curates \(curationSpec.property)")
        }
        try checkName(spec.name, specPath: specPath)
        return (spec, curationSpec, specDirectory)
    }

    /// Rebuilds the release in `directory` from its manifest (the embedded specs, the source files
    /// at their recorded paths, and `storePath` or a fresh store, as the manifest says) and
    /// compares every file byte for byte.
    public static func verify(directory: String, storePath: String? = nil, build mode: BuildMode = .automatic) throws -> ReleaseVerification {
        let directory = absolute(directory)
        let manifest = try ReleaseReading.manifest(in: directory)
        let paths = manifest.sources.map { SourcePreparation.resolve($0.pathFromRelease, against: directory) }
        for (source, path) in zip(manifest.sources, paths) where !FileManager.default.fileExists(atPath: path) {
            throw DatasetError.source(name: source.name, message: "the release reads \(path) (recorded as \(source.pathFromRelease)), which does not exist")
        }
        let rebuilt = try rebuild(spec: manifest.datasetSpec, curationSpec: manifest.curationSpec, version: manifest.version,
                                  sourcePaths: paths, directory: directory, storePath: storePath, mode: mode)
        return try ReleaseVerification.compare(directory: directory, manifest: manifest, rebuilt: rebuilt.files)
    }

    /// How a release is built: in memory, or streamed (``StreamingRelease``, for the specs it
    /// supports). Both give the same bytes; `automatic` streams whenever it can.
    public enum BuildMode: Sendable {
        case automatic, inMemory
    }

    static func rebuild(spec: DatasetSpec, curationSpec: CurationSpec, version: String, sourcePaths: [String],
                        directory: String, storePath: String?, mode: BuildMode = .automatic, stagingPath: String? = nil,
                        progress: WorkProgress? = nil) throws -> Outcome {
        let store = try storePath.map { try CurateStore(path: $0) } ?? CurateStore.inMemory()
        let storeMode = storePath == nil ? "fresh" : "file"
        if mode == .automatic, StreamingRelease.supports(spec) {
            let folder = try stagingPath.map { try StagedFolder(path: $0) } ?? StagedFolder.temporary()
            let (files, ingested) = try StreamingRelease.build(spec: spec, curationSpec: curationSpec, version: version, sourcePaths: sourcePaths,
                                                               store: store, directory: directory, storeMode: storeMode, folder: folder,
                                                               progress: progress)
            return Outcome(directory: directory, files: files, ingested: ingested)
        }
        let build = try DatasetBuilder.build(spec: spec, curationSpec: curationSpec, version: version,
                                             sourcePaths: sourcePaths, store: store, progress: progress)
        progress?(WorkStage(index: DatasetBuilder.stageCount(spec) - 2, count: DatasetBuilder.stageCount(spec), label: "render the files"))
        let files = try ReleaseFiles.render(build, directory: directory, storeMode: storeMode)
        return Outcome(directory: directory, files: files,
                       ingested: build.sources.filter(\.ingestedNow).map(\.spec.storeName))
    }

    /// A dataset name becomes a folder name: it must be one path component, so that a release
    /// lands under the spec's folder (`..`, `/`, an empty or hidden name are refused).
    static func checkName(_ name: String, specPath: String) throws {
        let problem: String?
        if name.isEmpty {
            problem = "is empty"
        } else if name == "." || name == ".." {
            problem = "is \"\(name)\", which names a folder outside the release location"
        } else if name.contains("/") || name.contains("\\") || name.contains("\0") {
            problem = "contains a path separator"
        } else if name.hasPrefix(".") {
            problem = "starts with \".\" (a hidden folder, reserved for staging)"
        } else if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            problem = "contains a control character"
        } else {
            problem = nil
        }
        if let problem {
            throw DatasetError.spec(path: specPath, message: "name \"\(name)\" \(problem); a dataset name must be a single path component")
        }
    }

    static func checkVersion(_ version: String) throws {
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            throw DatasetError.input(message: "version must be MAJOR.MINOR.PATCH (e.g. 1.0.0), not \"\(version)\"")
        }
    }

    static func absolute(_ path: String) -> String {
        let base = path.isEmpty ? "." : path
        let joined = base.hasPrefix("/") ? base : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(base)
        return (joined as NSString).standardizingPath
    }
}
