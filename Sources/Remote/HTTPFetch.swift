import Foundation

/// A small document fetched whole into memory (an API page), with the same redirects, timeouts
/// and error reporting as ``Puller``.
public struct FetchedDocument: Sendable {
    /// The URL that answered, after redirects.
    public var effectiveURL: String
    /// Response headers by lowercase name.
    public var headers: [String: String]
    /// The body.
    public var body: [UInt8]
}

/// GET requests for API pages.
public enum HTTPFetch {
    /// The body of `url`, at most `maxBytes`; an error status, an interrupted transfer or an
    /// over-long body is an error naming the URL.
    public static func get(_ url: String, timeouts: PullTimeouts = PullTimeouts(), maxBytes: Int = 256 << 20) throws(PullError) -> FetchedDocument {
        guard let scheme = URLComponents(string: url)?.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw .request("not an http(s) URL: \(url)")
        }
        var body: [UInt8] = []
        var tooLong = false
        let response = HTTPTransfer(url: url, timeouts: timeouts).perform { _, bytes in
            guard body.count + bytes.count <= maxBytes else {
                tooLong = true
                return false
            }
            body.append(contentsOf: bytes)
            return true
        }
        if tooLong { throw .request("\(url): the response is longer than \(maxBytes) bytes") }
        if let failure = response.failure {
            throw .interrupted(url: url, reason: failure.message, timedOut: failure.timedOut, kept: 0, partial: "")
        }
        guard (200..<300).contains(response.status) else {
            throw .http(status: response.status, url: url, answeredBy: response.effectiveURL, body: response.errorBody)
        }
        return FetchedDocument(effectiveURL: response.effectiveURL ?? url, headers: response.headers, body: body)
    }
}
