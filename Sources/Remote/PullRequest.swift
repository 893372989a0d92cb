import Foundation

/// A checksum a pulled file must have before it appears under its final name.
public struct ExpectedDigest: Sendable, Equatable, Codable {
    /// `sha256` or `md5`.
    public var algorithm: String
    /// Lowercase hex.
    public var hex: String

    /// A checksum; the hex text must have the algorithm's length.
    public init(algorithm: String, hex: String) throws(PullError) {
        let length = ["sha256": 64, "md5": 32][algorithm]
        let lower = hex.lowercased()
        guard let length else { throw .request("unknown checksum algorithm \"\(algorithm)\" (sha256 or md5)") }
        guard lower.count == length, lower.allSatisfy(\.isHexDigit) else {
            throw .request("a \(algorithm) checksum is \(length) hex digits; got \"\(hex)\"")
        }
        self.algorithm = algorithm
        self.hex = lower
    }
}

/// What to pull and where.
public struct PullRequest: Sendable {
    /// The http(s) URL.
    public var url: String
    /// The checksum the file must have, if known.
    public var expected: ExpectedDigest?
    /// The folder the file lands in.
    public var directory: String
    /// The file's name there; default: the URL's last path component.
    public var fileName: String?
    /// Timeouts and redirects.
    public var timeouts: PullTimeouts

    /// A request.
    public init(url: String, expected: ExpectedDigest? = nil, directory: String, fileName: String? = nil,
                timeouts: PullTimeouts = PullTimeouts()) {
        self.url = url
        self.expected = expected
        self.directory = directory
        self.fileName = fileName
        self.timeouts = timeouts
    }

    /// The name the file gets: `fileName`, or the URL's last path component without its query.
    func resolvedName() throws(PullError) -> String {
        if let fileName, !fileName.isEmpty, !fileName.contains("/") { return fileName }
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https" else {
            throw .request("not an http(s) URL: \(url)")
        }
        let last = (components.path as NSString).lastPathComponent
        guard !last.isEmpty, last != "/", !last.hasPrefix(".") else {
            throw .request("\(url) names no file; give one with --name")
        }
        return last
    }
}
