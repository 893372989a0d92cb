import Foundation

/// The paths a pull of `NAME` into `DIR` uses, and the moves between them.
struct PullFiles {
    let directory: String
    let final: String
    let partial: String
    let state: String
    let rejected: String

    init(directory: String, name: String) {
        self.directory = directory
        final = (directory as NSString).appendingPathComponent(name)
        partial = (directory as NSString).appendingPathComponent(".\(name).part")
        state = (directory as NSString).appendingPathComponent(".\(name).pull.json")
        rejected = (directory as NSString).appendingPathComponent("\(name).rejected")
    }

    func createDirectory() throws(PullError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .io(path: directory, reason: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    func size(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }

    func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    func removeIfEmpty(_ path: String) {
        if FileManager.default.fileExists(atPath: path), size(path) == 0 { remove(path) }
    }

    /// The partial file becomes the final one in one rename, replacing an older version.
    func publish() throws(PullError) {
        guard rename(partial, final) == 0 else {
            throw .io(path: final, reason: "cannot move the download into place: \(String(cString: strerror(errno)))")
        }
    }

    /// Moves a file with a wrong checksum to `NAME.rejected`.
    func moveAside(_ path: String) throws(PullError) {
        guard rename(path, rejected) == 0 else {
            throw .io(path: rejected, reason: "cannot move the rejected file aside: \(String(cString: strerror(errno)))")
        }
    }
}
