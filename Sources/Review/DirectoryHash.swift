import CurateIO
import Foundation

/// A content hash of a model directory (or a single file): sha256 over the sorted relative
/// paths of its regular files, each followed by the sha256 of its bytes. Renaming or editing
/// any file changes it; where the directory lives does not.
public enum DirectoryHash {
    public static func sha256(path: String) throws(ReviewError) -> String {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file or directory")
        }
        guard isDirectory.boolValue else { return try fileSHA256(path) }
        guard let enumerator = fileManager.enumerator(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot list the directory")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(relative)
            var sub: ObjCBool = false
            if fileManager.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { files.append(relative) }
        }
        var hasher = SHA256Hasher()
        for relative in files.sorted() {
            hasher.update(relative + "\n")
            hasher.update(try fileSHA256((path as NSString).appendingPathComponent(relative)) + "\n")
        }
        return hasher.finalizeHex()
    }

    /// sha256 of one file's bytes.
    public static func fileSHA256(_ path: String) throws(ReviewError) -> String {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        var hasher = SHA256Hasher()
        data.withUnsafeBytes { hasher.update($0) }
        return hasher.finalizeHex()
    }
}
