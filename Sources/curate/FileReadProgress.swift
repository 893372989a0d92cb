import Foundation

/// Progress of a library call that reads one file, without a hook in the library: a background
/// thread reads how far this process's descriptor on the file has got (Linux `/proc/self/fdinfo`)
/// and draws it on a ``TerminalProgress`` bar (bytes of the file, compressed bytes for .gz/.xz).
/// Draws nothing unless the command prints text to a terminal, and nothing where /proc is absent.
final class FileReadProgress: @unchecked Sendable {
    private let path: String
    private let bar: TerminalProgress?
    private let lock = NSLock()
    private var running = true
    private var thread: Thread?

    /// Starts watching reads of `path` under `label`; silent when `json` or not on a terminal.
    init(path: String, label: String, json: Bool) {
        self.path = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let shown = !json && TerminalProgress.interactive && size > 0 && FileManager.default.fileExists(atPath: "/proc/self/fdinfo")
        bar = shown ? TerminalProgress(total: size, label: label, unit: "B", json: json) : nil
        guard bar != nil else { return }
        let thread = Thread { [weak self] in self?.poll() }
        self.thread = thread
        thread.start()
    }

    /// Stops watching and removes the bar.
    func finish() {
        lock.withLock { running = false }
        lock.withLock { bar?.finish() }
    }

    private func poll() {
        while lock.withLock({ running }) {
            if let position = Self.position(of: path) {
                lock.withLock { if running { bar?.set(done: position) } }
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    /// The file position of the first descriptor of this process open on `path`.
    static func position(of path: String) -> Int? {
        guard let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return nil }
        for descriptor in descriptors {
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(descriptor)"), target == path,
                  let info = try? String(contentsOfFile: "/proc/self/fdinfo/\(descriptor)", encoding: .utf8) else { continue }
            for line in info.split(separator: "\n") where line.hasPrefix("pos:") {
                return Int(line.dropFirst(4).trimmingCharacters(in: .whitespaces))
            }
        }
        return nil
    }
}
