import CurateIO
import Datasets
import Foundation

/// `curate release SPEC --version X.Y.Z` and `curate release --verify DIR`.
public enum ReleaseWorkflow {
    /// What a release wrote (the `--json` output of `curate release`).
    public struct Summary: Sendable, Equatable, Codable {
        /// The release directory.
        public var directory: String
        /// False for a dry run.
        public var written: Bool
        /// Wall time of the build, in seconds.
        public var seconds: Double
        public var manifest: ReleaseManifest
        /// Sources the build had to ingest (not in the JSON output).
        public var ingested: [String] = []
        /// Staging folders of killed releases removed, or left because their process still runs
        /// (not in the JSON output).
        public var leftoverNotes: [String] = []

        enum CodingKeys: String, CodingKey { case directory, written, seconds, manifest }
    }

    /// Releases the spec at `specPath` as `version` into `outDirectory` (default:
    /// `<spec dir>/<name>/<version>`), reading `storePath` or a fresh in-memory store.
    public static func release(specPath: String, version: String, outDirectory: String? = nil,
                               storePath: String? = nil, dryRun: Bool = false, progress: WorkProgress? = nil) throws -> Summary {
        let started = Date()
        let outcome = try step("release failed, nothing written") {
            try DatasetRelease.release(specPath: specPath, version: version, outDirectory: outDirectory, storePath: storePath, dryRun: dryRun,
                                       progress: progress)
        }
        return Summary(directory: outcome.directory, written: !dryRun, seconds: Date().timeIntervalSince(started),
                       manifest: outcome.files.manifest, ingested: outcome.ingested, leftoverNotes: outcome.leftovers.notes)
    }

    /// Rebuilds the release in `directory` from its manifest and compares every byte.
    public static func verify(directory: String, storePath: String? = nil) throws -> ReleaseVerification {
        try step("verify failed") { try DatasetRelease.verify(directory: directory, storePath: storePath) }
    }

    /// Records added, removed, changed and moved between releases `from` and `to`: each a
    /// directory, or `NAME@VERSION` resolved to `<root>/NAME/VERSION`.
    public static func diff(from: String, to: String, root: String = "datasets") throws -> ReleaseDiff {
        try step("diff failed") {
            let (a, b) = (resolve(from, root: root), resolve(to, root: root))
            return ReleaseDiff.compare(from: from, try ReleaseReading.records(in: a), to: to, try ReleaseReading.records(in: b))
        }
    }

    /// `reference` itself when it exists, else `NAME@VERSION` as `<root>/NAME/VERSION`.
    static func resolve(_ reference: String, root: String) -> String {
        if FileManager.default.fileExists(atPath: reference) { return reference }
        let parts = reference.split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return reference }
        return "\(root)/\(parts[0])/\(parts[1])"
    }
}
