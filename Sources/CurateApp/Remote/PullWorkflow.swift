import Foundation
import Remote
import Store

/// `curate pull URL|NAME`: downloads a file (a URL, or a catalogue entry's URL and published
/// checksum) through ``Puller`` and records where it came from in the store, so a release can
/// name the URL behind an ingested file's sha256.
public enum PullWorkflow {
    /// What the command line may say.
    public struct Options: Sendable {
        /// Expected SHA-256 (overrides the catalogue's).
        public var sha256: String?
        /// Expected MD5 (overrides the catalogue's).
        public var md5: String?
        /// Folder the file lands in.
        public var directory: String
        /// File name there; default: the URL's last path component.
        public var fileName: String?
        /// The source catalogue a NAME is looked up in.
        public var cataloguePath: String
        /// Timeouts and redirects.
        public var timeouts: PullTimeouts

        /// Options; the catalogue defaults to `datasets/sources.json` of the working directory.
        public init(sha256: String? = nil, md5: String? = nil, directory: String = ".", fileName: String? = nil,
                    cataloguePath: String = "datasets/sources.json", timeouts: PullTimeouts = PullTimeouts()) {
            self.sha256 = sha256
            self.md5 = md5
            self.directory = directory
            self.fileName = fileName
            self.cataloguePath = cataloguePath
            self.timeouts = timeouts
        }
    }

    /// What a pull did and the store row it left.
    public struct Report: Sendable, Codable {
        public var pull: PullResult
        /// The catalogue entry pulled, when the target was a name.
        public var catalogueName: String?
        /// The `downloads` row.
        public var downloadID: Int
    }

    /// Pulls `target` (an http(s) URL or a catalogue name) and records it in the store at
    /// `storePath` (created if needed). A failed pull records nothing.
    public static func run(target: String, options: Options, storePath: String,
                           progress: ((Int64, Int64?) -> Void)? = nil) throws -> Report {
        var url = target
        var expected: ExpectedDigest?
        var catalogueName: String?
        if !target.contains("://") {
            let entry = try SourceCatalogue.load(path: options.cataloguePath).entry(named: target)
            guard let published = entry.url else {
                throw PullError.request("catalogue entry \"\(target)\" has no download URL recorded; see \(entry.page ?? "its publisher")")
            }
            url = published
            expected = try entry.expected()
            catalogueName = entry.name
        }
        if let sha256 = options.sha256 { expected = try ExpectedDigest(algorithm: "sha256", hex: sha256) }
        else if let md5 = options.md5 { expected = try ExpectedDigest(algorithm: "md5", hex: md5) }
        let request = PullRequest(url: url, expected: expected, directory: options.directory, fileName: options.fileName,
                                  timeouts: options.timeouts)
        let result = try Puller.pull(request, progress: progress)
        let store = try CurateStore(path: storePath)
        let record = try store.recordDownload(DownloadRecord(
            url: result.url, effectiveURL: result.effectiveURL, filePath: absolute(result.path), fileSHA256: result.sha256,
            fileSize: result.size, outcome: result.outcome, verified: result.verified.map { "\($0.algorithm):\($0.hex)" },
            catalogueName: catalogueName, headers: result.headers, transferred: result.transferred, pulledAt: result.pulledAt))
        return Report(pull: result, catalogueName: catalogueName, downloadID: record.id)
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
    }
}

extension PullWorkflow.Report {
    /// The lines `curate pull` prints.
    public var textLines: [String] {
        let checked = pull.verified.map { "verified \($0.algorithm)" } ?? "no checksum given"
        var lines = [
            "\(pull.outcome) \(pull.url) → \(pull.path)",
            "  \(pull.size) bytes (\(pull.transferred) transferred), sha256 \(pull.sha256), \(checked)",
        ]
        if pull.redirects > 0 { lines.append("  via \(pull.redirects) redirect(s): \(pull.effectiveURL)") }
        lines += pull.notes.map { "  note: \($0)" }
        lines.append("  recorded as download \(downloadID)")
        return lines
    }
}
