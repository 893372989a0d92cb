import CurateIO
import Foundation

/// `curate pull`: downloads one file so that it either appears whole and verified under its
/// final name or not at all.
///
/// In `DIR`: `NAME` (the verified file), `.NAME.part` (bytes so far; a later pull resumes
/// from there with `Range`, guarded by `If-Range`), `.NAME.pull.json` (ETag / Last-Modified
/// of both, so a pull of an unchanged file is one conditional request answered 304 with no
/// body), and `NAME.rejected` (a complete file whose checksum was wrong, kept for inspection).
public enum Puller {
    /// Headers recorded with a pull.
    static let keptHeaders = ["etag", "last-modified", "content-type", "content-length", "content-range", "content-encoding",
                              "accept-ranges", "server", "date"]

    /// Pulls `request.url` into `request.directory`; `progress` hears (bytes so far, total).
    public static func pull(_ request: PullRequest, progress: ((Int64, Int64?) -> Void)? = nil) throws(PullError) -> PullResult {
        try pull(request, progress: progress, notes: [])
    }

    private static func pull(_ request: PullRequest, progress: ((Int64, Int64?) -> Void)?, notes: [String]) throws(PullError) -> PullResult {
        let name = try request.resolvedName()
        let files = PullFiles(directory: request.directory, name: name)
        try files.createDirectory()
        var state = PullState.load(files.state).flatMap { $0.url == request.url ? $0 : nil } ?? PullState(url: request.url)
        var headers: [String] = []
        var resumeFrom: Int64 = 0
        let conditional = FileManager.default.fileExists(atPath: files.final) && state.sha256 != nil
            && (state.etag != nil || state.lastModified != nil)
        if conditional {
            if let etag = state.etag { headers.append("If-None-Match: \(etag)") }
            if let modified = state.lastModified { headers.append("If-Modified-Since: \(modified)") }
        } else if files.size(files.partial) > 0 {
            resumeFrom = files.size(files.partial)
            if let etag = state.partialETag { headers.append("If-Range: \(etag)") }
            else if let modified = state.partialLastModified { headers.append("If-Range: \(modified)") }
        }
        let sink = try PartialFileSink(path: files.partial, resumeFrom: resumeFrom)
        let transfer = HTTPTransfer(url: request.url, headers: headers, resumeFrom: resumeFrom, timeouts: request.timeouts)
        let response = transfer.perform(progress: progress) { status, bytes in sink.write(status: status, bytes) }
        sink.close()
        if let writeError = sink.error { throw .io(path: files.partial, reason: writeError) }
        let kept = response.headers.filter { keptHeaders.contains($0.key) }
        if let failure = response.failure {
            if (200..<300).contains(response.status) {
                state.partialETag = response.headers["etag"] ?? state.partialETag
                state.partialLastModified = response.headers["last-modified"] ?? state.partialLastModified
                try state.save(files.state)
            }
            files.removeIfEmpty(files.partial)
            throw .interrupted(url: request.url, reason: failure.message, timedOut: failure.timedOut,
                               kept: files.size(files.partial), partial: files.partial)
        }
        if response.status == 304, conditional {
            files.removeIfEmpty(files.partial)
            let digests = try PullDigests.of(files.final, md5: request.expected?.algorithm == "md5")
            try verify(digests, request: request, path: files.final, files: files)
            return PullResult(outcome: "unchanged", url: request.url, effectiveURL: response.effectiveURL ?? request.url,
                              redirects: response.redirects, path: files.final, size: digests.size, sha256: digests.sha256,
                              md5: digests.md5, verified: request.expected, transferred: 0,
                              headers: kept.merging(["etag": state.etag, "last-modified": state.lastModified].compactMapValues { $0 }) { new, _ in new },
                              pulledAt: timestamp(), notes: notes)
        }
        if response.status == 416, resumeFrom > 0, notes.isEmpty {
            // The partial file is not a prefix the server can continue: start again, once.
            files.remove(files.partial)
            state.partialETag = nil
            state.partialLastModified = nil
            try state.save(files.state)
            return try pull(request, progress: progress, notes: ["the server refused the range bytes=\(resumeFrom)- (HTTP 416); restarted from byte 0"])
        }
        guard (200..<300).contains(response.status) else {
            files.removeIfEmpty(files.partial)
            throw .http(status: response.status, url: request.url, answeredBy: response.effectiveURL, body: response.errorBody)
        }
        var notes = notes
        if sink.restarted {
            notes.append("the server ignored Range (answered \(response.status) to bytes=\(resumeFrom)-); restarted from byte 0")
        }
        let digests = try PullDigests.of(files.partial, md5: request.expected?.algorithm == "md5")
        state.partialETag = nil
        state.partialLastModified = nil
        try verify(digests, request: request, path: files.partial, files: files, state: state)
        try files.publish()
        state = PullState(url: request.url, etag: response.headers["etag"], lastModified: response.headers["last-modified"],
                          size: digests.size, sha256: digests.sha256)
        try state.save(files.state)
        let outcome = sink.restarted ? "restarted" : (resumeFrom > 0 ? "resumed" : "downloaded")
        return PullResult(outcome: outcome, url: request.url, effectiveURL: response.effectiveURL ?? request.url,
                          redirects: response.redirects, path: files.final, size: digests.size, sha256: digests.sha256,
                          md5: digests.md5, verified: request.expected, transferred: response.bodyBytes, headers: kept,
                          pulledAt: timestamp(), notes: notes)
    }

    /// Throws, after moving the file at `path` aside, when its digest is not the expected one.
    private static func verify(_ digests: PullDigests, request: PullRequest, path: String, files: PullFiles,
                               state: PullState? = nil) throws(PullError) {
        guard let expected = request.expected else { return }
        let actual = expected.algorithm == "md5" ? (digests.md5 ?? "") : digests.sha256
        guard actual != expected.hex else { return }
        try files.moveAside(path)
        if let state { try state.save(files.state) }
        throw .checksumMismatch(url: request.url, algorithm: expected.algorithm, expected: expected.hex, actual: actual,
                                sha256: digests.sha256, keptAt: files.rejected)
    }

    private static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
