import CurateIO
import Foundation

/// One release file written as it is produced: buffered appends, the SHA-256 and byte count
/// kept as the bytes go out, and the rows the manifest records.
final class StreamedFile {
    /// Path relative to the release folder.
    let relativePath: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var hasher = SHA256Hasher()
    private var bytes = 0
    /// Data rows written (the manifest's `rows`).
    var rows = 0

    private static let bufferSize = 1 << 20

    /// Creates the file `relative` in `folder`, with its parent folders.
    init(_ relative: String, in folder: StagedFolder) throws {
        relativePath = relative
        let path = folder.file(relative)
        let manager = FileManager.default
        try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard manager.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw DatasetError.release(path: path, message: "cannot create the file")
        }
        self.handle = handle
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Appends `text` (UTF-8).
    func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Appends `text` and counts it as one row.
    func writeRow(_ text: String) throws {
        rows += 1
        try write(text)
    }

    /// Appends `bytes`.
    func write(bytes: ArraySlice<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes what is buffered and closes the file; its manifest entry.
    func finish() throws -> ReleaseManifest.File {
        try flush()
        try handle.close()
        return ReleaseManifest.File(path: relativePath, sha256: hasher.finalizeHex(), bytes: bytes, rows: rows)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        hasher.update(buffer)
        bytes += buffer.count
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw DatasetError.release(path: relativePath, message: "cannot write: \(error.localizedDescription)")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
