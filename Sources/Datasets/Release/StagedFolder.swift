import Foundation

/// The folder a streamed release is written into before it is renamed into place (or, for a
/// dry run or a verification, read and thrown away). Removed when the last reference goes,
/// unless it was renamed first.
public final class StagedFolder: Sendable {
    /// Absolute path of the folder.
    public let path: String
    /// Whether the folder is removed with this object (not for a written release).
    private let removesFolder: Bool

    /// Creates `path` (which must not exist yet) and its parents.
    init(path: String) throws {
        self.path = path
        removesFolder = true
        let manager = FileManager.default
        if manager.fileExists(atPath: path) { try manager.removeItem(atPath: path) }
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw DatasetError.release(path: path, message: "cannot create the staging folder: \(error.localizedDescription)")
        }
    }

    /// The folder of a written release, which stays.
    init(released path: String) {
        self.path = path
        removesFolder = false
    }

    /// How the names of ``temporary()`` folders start; only those are cleaned in the shared folder.
    static let temporaryPrefix = ".curate-release-"

    /// A new folder under the system's temporary folder (dry runs and verification), named like
    /// a staging folder (`.curate-release-UUID.partial-PID`) so that those of killed processes
    /// are removed by the next one.
    static func temporary() throws -> StagedFolder {
        let parent = NSTemporaryDirectory()
        _ = ReleaseStaging.cleanLeftovers(in: parent, namePrefix: temporaryPrefix)
        let name = "\(temporaryPrefix)\(UUID().uuidString).partial-\(ProcessInfo.processInfo.processIdentifier)"
        return try StagedFolder(path: (parent as NSString).appendingPathComponent(name))
    }

    /// The absolute path of the release file `relative` inside the folder.
    func file(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }

    deinit {
        if removesFolder { try? FileManager.default.removeItem(atPath: path) }
    }
}
