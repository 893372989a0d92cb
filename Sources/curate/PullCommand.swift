import ArgumentParser
import CurateApp
import Foundation
import Remote

/// `curate pull URL|NAME`.
struct PullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Download a file (a URL or a datasets/sources.json name): resumable, cached, checksum-verified, recorded in the store.",
        discussion: """
            The file appears under its final name only whole and verified. A dropped transfer leaves .NAME.part; \
            the next pull resumes it. A second pull of an unchanged file is one conditional request (nothing transferred). \
            A checksum mismatch keeps the file aside as NAME.rejected and names both digests.
            """)

    @Argument(help: "An http(s) URL, or a source name from the catalogue.")
    var target: String

    @Option(name: .long, help: "Expected SHA-256 (hex).")
    var sha256: String?

    @Option(name: .long, help: "Expected MD5 (hex).")
    var md5: String?

    @Option(name: .long, help: "Folder to download into (default: the working directory).")
    var into = "."

    @Option(name: .long, help: "File name (default: the URL's last path component).")
    var name: String?

    @Option(name: .long, help: "Source catalogue for names.")
    var catalogue = "datasets/sources.json"

    @Option(name: .long, help: "Seconds to connect.")
    var connectTimeout = 30.0

    @Option(name: .long, help: "Seconds without data before the transfer counts as stalled.")
    var stallTimeout = 60.0

    @Option(name: .long, help: "Seconds for the whole transfer (default: no limit).")
    var timeout: Double?

    @OptionGroup var options: StoreOptions

    func validate() throws {
        if sha256 != nil && md5 != nil { throw ValidationError("give --sha256 or --md5, not both") }
    }

    func run() throws {
        let settings = PullWorkflow.Options(sha256: sha256, md5: md5, directory: into, fileName: name, cataloguePath: catalogue,
                                            timeouts: PullTimeouts(connect: connectTimeout, stall: stallTimeout, total: timeout))
        let progress = ByteProgress()
        let report: PullWorkflow.Report
        do {
            report = try PullWorkflow.run(target: target, options: settings, storePath: options.storePath, progress: progress.update)
        } catch {
            progress.finish()
            throw CommandFailure("pull failed: \(error)")
        }
        progress.finish()
        if options.json { try printJSON(report) } else { report.textLines.forEach { print($0) } }
    }
}

/// Bytes received against the total, on standard error when it is a terminal, ten times a second at most.
final class ByteProgress {
    private let enabled = isatty(STDERR_FILENO) == 1
    private var lastDrawn = Date.distantPast
    private var drawn = false

    func update(_ done: Int64, _ total: Int64?) {
        guard enabled, Date().timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = Date()
        drawn = true
        let megabytes = { (bytes: Int64) in String(format: "%.1f MB", Double(bytes) / 1_000_000) }
        let share = total.map { " / \(megabytes($0)) (\(Int(Double(done) * 100 / Double(max($0, 1))))%)" } ?? ""
        FileHandle.standardError.write(Data("\r\u{1B}[K  \(megabytes(done))\(share)".utf8))
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
