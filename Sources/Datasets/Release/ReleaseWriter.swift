import Foundation

/// Writes release files to a new directory. A version is immutable: an existing directory is
/// refused, and files are written to a temporary sibling that is renamed into place last, so a
/// failure never leaves a half-written release under the version's name.
public enum ReleaseWriter {
    /// Writes `files` to `directory`, which must not exist. Staging folders left in the same
    /// parent by killed releases are removed first (or reported, when their process still runs).
    @discardableResult
    public static func write(_ files: ReleaseFiles, to directory: String) throws -> ReleaseStaging.Leftovers {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: directory) else { throw DatasetError.releaseExists(path: directory) }
        let parent = (directory as NSString).deletingLastPathComponent
        let staging = ReleaseStaging.path(for: directory)
        let leftovers = ReleaseStaging.cleanLeftovers(in: parent)
        // A streamed build may have written its files into `staging` already; that folder then
        // belongs to its `StagedFolder`, which removes it on failure.
        let stagedInPlace = files.staged?.path == staging
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            if !stagedInPlace {
                if manager.fileExists(atPath: staging) { try manager.removeItem(atPath: staging) }
                if let staged = files.staged {
                    // Staged elsewhere (a dry run's temporary folder, or a release already written): copied, left there.
                    for file in files.manifest.files {
                        try place(at: (staging as NSString).appendingPathComponent(file.path)) { target in
                            try manager.copyItem(atPath: staged.file(file.path), toPath: target)
                        }
                    }
                }
            }
            for (path, data) in files.memory {
                try place(at: (staging as NSString).appendingPathComponent(path)) { target in
                    guard manager.createFile(atPath: target, contents: data) else {
                        throw DatasetError.release(path: target, message: "cannot write the file")
                    }
                }
            }
            try manager.moveItem(atPath: staging, toPath: directory)
            return leftovers
        } catch let error as DatasetError {
            if !stagedInPlace { try? manager.removeItem(atPath: staging) }
            throw error
        } catch {
            if !stagedInPlace { try? manager.removeItem(atPath: staging) }
            throw DatasetError.release(path: directory, message: "cannot write the release: \(error.localizedDescription)")
        }
    }

    /// Creates the folders above `target`, then runs `write` for it.
    private static func place(at target: String, _ write: (String) throws -> Void) throws {
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try write(target)
    }
}
