import CurateIO
import Foundation
import Store

/// The files behind one ingest of `PATH` for kinds that read folders: the file itself, or every
/// file under a folder (recursively, sorted by relative path, hidden entries skipped) whose name
/// `accepts`, with one digest over all of them so an unchanged folder is recognised.
struct InputFileSet {
    /// The paths, and each one's locator prefix (path relative to the folder, or the file name).
    let files: [(path: String, relative: String)]
    /// The input's digest: a file's own, or a folder's digest of its files' names and digests.
    let info: IngestFileInfo
    /// True when the input is one file rather than a folder.
    let isSingleFile: Bool

    /// Lists and hashes `path`; `wanted` names the files a folder is searched for in errors.
    init(path: String, wanted: String, accepts: (String) -> Bool) throws(IngestError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file or folder")
        }
        guard isDirectory.boolValue else {
            isSingleFile = true
            files = [(path, (path as NSString).lastPathComponent)]
            info = try FileDigest.ofInput(path: path).ingestFileInfo
            return
        }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            throw .unreadable(path: path, reason: "the folder cannot be listed")
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard accepts((relative as NSString).lastPathComponent),
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            found.append(relative)
        }
        guard !found.isEmpty else { throw .unreadable(path: path, reason: "the folder holds no \(wanted)") }
        found.sort()
        isSingleFile = false
        files = found.map { ((path as NSString).appendingPathComponent($0), $0) }
        var hasher = SHA256Hasher()
        var size = 0
        for file in files {
            let digest = try FileDigest.ofInput(path: file.path)
            hasher.update("\(file.relative)\u{0}\(digest.sha256)\n")
            size += digest.size
        }
        info = IngestFileInfo(path: path, sha256: hasher.finalizeHex(), size: size)
    }
}
