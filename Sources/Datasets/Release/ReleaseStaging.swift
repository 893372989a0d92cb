import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The hidden staging folders releases are written into before the rename
/// (`.NAME.partial-PID` beside the version folder), and the leftovers of killed releases.
public enum ReleaseStaging {
    /// What the next release found of earlier, interrupted ones.
    public struct Leftovers: Sendable, Equatable {
        /// Staging folders of processes that no longer run: removed.
        public var removed: [String] = []
        /// Staging folders whose process still runs (a concurrent release): left alone.
        public var inUse: [String] = []
        /// Notes to show the user, one per folder.
        public var notes: [String] {
            removed.map { "removed the staging folder \($0) of an interrupted release" }
                + inUse.map { "left the staging folder \($0) alone: its release process is still running" }
        }
    }

    /// The staging folder for `directory` written by the process `pid`.
    static func path(for directory: String, pid: Int32 = ProcessInfo.processInfo.processIdentifier) -> String {
        let parent = (directory as NSString).deletingLastPathComponent
        return (parent as NSString).appendingPathComponent(".\((directory as NSString).lastPathComponent).partial-\(pid)")
    }

    /// Removes the staging folders in `parent` left by release processes that are no longer
    /// running, and lists those of processes still running. Other files are never touched; with
    /// `namePrefix`, neither are staging-like names that do not start with it (a shared folder
    /// such as the system's temporary one holds other programs' files).
    public static func cleanLeftovers(in parent: String, namePrefix: String = ".") -> Leftovers {
        var leftovers = Leftovers()
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: parent) else { return leftovers }
        let me = ProcessInfo.processInfo.processIdentifier
        for name in names.sorted() {
            guard name.hasPrefix(namePrefix), let pid = stagingPID(name) else { continue }
            let path = (parent as NSString).appendingPathComponent(name)
            if pid != me, isRunning(pid) {
                leftovers.inUse.append(path)
            } else if pid != me {
                if (try? manager.removeItem(atPath: path)) != nil { leftovers.removed.append(path) }
            }
        }
        return leftovers
    }

    /// The PID in a staging folder name `.NAME.partial-PID`, or `nil` for any other name.
    static func stagingPID(_ name: String) -> Int32? {
        guard name.hasPrefix("."), let marker = name.range(of: ".partial-", options: .backwards),
              marker.lowerBound > name.index(after: name.startIndex) else { return nil }
        let digits = name[marker.upperBound...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let pid = Int32(digits), pid > 0 else { return nil }
        return pid
    }

    /// Whether a process with `pid` exists (signal 0 probes without sending anything).
    static func isRunning(_ pid: Int32) -> Bool {
        if kill(pid, 0) == 0 { return true }
        return errno == EPERM
    }
}
