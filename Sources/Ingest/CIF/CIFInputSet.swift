import CurateIO
import Foundation
import Store

/// The CIF files behind one `curate ingest cif PATH`: the file itself, or every `*.cif` under a
/// folder (recursively, sorted by relative path, hidden entries skipped), with one digest over
/// all of them so an unchanged folder is recognised.
struct CIFInputSet {
    /// Absolute or given paths, and the locator prefix (path relative to the folder).
    let files: [(path: String, relative: String)]
    let info: IngestFileInfo
    /// True when the input is one file rather than a folder.
    let isSingleFile: Bool

    init(path: String) throws(IngestError) {
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
            guard relative.lowercased().hasSuffix(".cif"),
                  !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            found.append(relative)
        }
        guard !found.isEmpty else { throw .unreadable(path: path, reason: "the folder holds no .cif files") }
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
