#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Input files must be regular files: a FIFO would block the reader forever waiting for a
/// writer, and a device such as `/dev/zero` never ends. Checked with `stat`, which neither
/// opens nor blocks, before anything reads the path.
public enum RegularFile {
    /// Throws unless `path` names a regular file (symbolic links are followed).
    public static func check(_ path: String) throws(IngestError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno == ENOENT ? "no such file" : String(cString: strerror(errno))
            throw .unreadable(path: path, reason: reason)
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            throw .unreadable(path: path, reason: "not a regular file (\(describe(type))); only regular files are read")
        }
    }

    /// Throws when `path` exists but is not a regular file; a missing path is left to the
    /// reader, which reports it in its own words.
    public static func refuseSpecial(_ path: String) throws(IngestError) {
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        try check(path)
    }

    private static func describe(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: "a FIFO or pipe"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        case S_IFSOCK: "a socket"
        default: "not a plain file"
        }
    }
}
