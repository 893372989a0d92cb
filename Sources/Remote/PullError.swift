/// Why a pull failed. Every case names the URL; no case leaves a file under the final name.
public enum PullError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server answered with an error status.
    case http(status: Int, url: String, answeredBy: String?, body: String)
    /// The transfer stopped before its end (connection dropped, refused, timed out); `kept`
    /// bytes stay in `partial` (empty for an in-memory fetch) and the next pull resumes from there.
    case interrupted(url: String, reason: String, timedOut: Bool, kept: Int64, partial: String)
    /// The file arrived whole but its digest is not the expected one; it was moved to `keptAt`.
    case checksumMismatch(url: String, algorithm: String, expected: String, actual: String, sha256: String, keptAt: String)
    /// A local file could not be written, moved or read.
    case io(path: String, reason: String)
    /// The request itself is wrong (no URL, unknown catalogue name, bad checksum text).
    case request(String)

    public var description: String {
        switch self {
        case .http(let status, let url, let answeredBy, let body):
            let via = answeredBy.map { $0 == url ? "" : " (answered by \($0))" } ?? ""
            let excerpt = body.isEmpty ? "" : ": \(body.prefix(200).split(whereSeparator: \.isNewline).joined(separator: " "))"
            return "HTTP \(status) from \(url)\(via)\(excerpt)"
        case .interrupted(let url, let reason, let timedOut, let kept, let partial):
            let what = timedOut ? "timed out" : "stopped"
            let resume = partial.isEmpty ? "" : "; \(kept) bytes kept in \(partial), pull again to resume"
            return "\(url): the transfer \(what) (\(reason))\(resume)"
        case .checksumMismatch(let url, let algorithm, let expected, let actual, let sha256, let keptAt):
            let identity = algorithm == "sha256" ? "" : " (sha256 \(sha256))"
            return "\(url): \(algorithm) mismatch: expected \(expected), got \(actual)\(identity); the file was kept aside at \(keptAt) and not used"
        case .io(let path, let reason):
            return "\(path): \(reason)"
        case .request(let message):
            return message
        }
    }
}
