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
        if let staged = files.staged {
            return try finishStaged(files, staged: staged, staging: staging, to: directory, leftovers: leftovers)
        }
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            if manager.fileExists(atPath: staging) { try manager.removeItem(atPath: staging) }
            for (path, data) in files.memory {
                let target = (staging as NSString).appendingPathComponent(path)
                try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard manager.createFile(atPath: target, contents: data) else {
                    throw DatasetError.release(path: target, message: "cannot write the file")
                }
            }
            try manager.moveItem(atPath: staging, toPath: directory)
            return leftovers
        } catch let error as DatasetError {
            try? manager.removeItem(atPath: staging)
            throw error
        } catch {
            try? manager.removeItem(atPath: staging)
            throw DatasetError.release(path: directory, message: "cannot write the release: \(error.localizedDescription)")
        }
    }

    /// A streamed release: its in-memory files (the manifest) join the staged folder, which
    /// is then renamed into place. Files staged anywhere else (a dry run's temporary folder, or
    /// a release already written) are copied into `staging` first and left where they are.
    static func finishStaged(_ files: ReleaseFiles, staged: StagedFolder, staging: String, to directory: String,
                             leftovers: ReleaseStaging.Leftovers) throws -> ReleaseStaging.Leftovers {
        let manager = FileManager.default
        do {
            if staged.path != staging {
                if manager.fileExists(atPath: staging) { try manager.removeItem(atPath: staging) }
                for file in files.manifest.files {
                    let target = (staging as NSString).appendingPathComponent(file.path)
                    try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try manager.copyItem(atPath: staged.file(file.path), toPath: target)
                }
            }
            for (path, data) in files.memory {
                let target = (staging as NSString).appendingPathComponent(path)
                try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard manager.createFile(atPath: target, contents: data) else {
                    throw DatasetError.release(path: target, message: "cannot write the file")
                }
            }
            try manager.moveItem(atPath: staging, toPath: directory)
            return leftovers
        } catch let error as DatasetError {
            if staged.path != staging { try? manager.removeItem(atPath: staging) }
            throw error
        } catch {
            if staged.path != staging { try? manager.removeItem(atPath: staging) }
            throw DatasetError.release(path: directory, message: "cannot write the release: \(error.localizedDescription)")
        }
    }
}
