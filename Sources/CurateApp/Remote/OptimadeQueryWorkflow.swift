import Foundation
import Ingest
import Remote
import Store

/// `curate ingest optimade URL --filter F`: queries an OPTIMADE `structures` endpoint, follows
/// `links.next` page by page, saves every page under a folder, and ingests the saved pages with
/// the `optimade` ingester (the same interpretation as for saved responses).
///
/// The folder (`query.json` + `page-NNNN.json`) is the resume point: an interrupted query
/// continues from the last saved page's `next` link; a finished one is not fetched again.
public enum OptimadeQueryWorkflow {
    /// What the command line may say.
    public struct Options: Sendable {
        /// The OPTIMADE filter, e.g. `elements HAS ALL "Li","O" AND nelements<=3`.
        public var filter: String?
        /// `page_limit` asked of the server.
        public var pageLimit: Int?
        /// Most pages fetched in this run.
        public var maxPages: Int
        /// Folder the pages are saved in.
        public var directory: String
        /// Timeouts for each page.
        public var timeouts: PullTimeouts

        public init(filter: String? = nil, pageLimit: Int? = nil, maxPages: Int = 10_000, directory: String,
                    timeouts: PullTimeouts = PullTimeouts()) {
            self.filter = filter
            self.pageLimit = pageLimit
            self.maxPages = maxPages
            self.directory = directory
            self.timeouts = timeouts
        }
    }

    /// What a query did.
    public struct Report: Sendable, Codable {
        /// The first page's URL.
        public var query: String
        /// Pages fetched now, and saved pages reused from an earlier run.
        public var pagesFetched: Int
        public var pagesReused: Int
        /// Whether the last page had no `next` link.
        public var complete: Bool
        /// The file of all saved pages that was ingested.
        public var pagesFile: String
        /// The ingest of the saved pages.
        public var ingest: IngestReport
    }

    /// Why a page cannot be used.
    public struct PageError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Queries, saves and ingests. Pages fetched before a failure stay saved (the next run resumes).
    public static func run(url: String, options: Options, storePath: String, ingestOptions: IngestOptions) throws -> Report {
        let first = try firstPageURL(url, options: options)
        var state = OptimadeQueryState.load(directory: options.directory, query: first)
        let reused = state.pages
        var fetched = 0
        while let next = state.next, fetched < options.maxPages {
            let page = try fetch(next, timeouts: options.timeouts)
            let following = try nextLink(page.body, url: next)
            try state.save(page: page.body, next: following, directory: options.directory)
            fetched += 1
        }
        let pagesFile = try state.writePagesFile(directory: options.directory)
        var ingestOptions = ingestOptions
        if ingestOptions.sourceName == nil { ingestOptions.sourceName = "optimade-" + (URLComponents(string: first)?.host ?? "query") }
        let report = try IngestWorkflow.run(kind: "optimade", path: pagesFile, storePath: storePath, options: ingestOptions)
        return Report(query: first, pagesFetched: fetched, pagesReused: reused, complete: state.next == nil,
                      pagesFile: pagesFile, ingest: report)
    }

    /// The endpoint URL with `filter` and `page_limit`; `/structures` is appended to a base URL.
    static func firstPageURL(_ url: String, options: Options) throws -> String {
        guard var components = URLComponents(string: url), let scheme = components.scheme, scheme == "http" || scheme == "https" else {
            throw PageError(description: "not an http(s) URL: \(url)")
        }
        if !components.path.hasSuffix("/structures") {
            components.path = (components.path.hasSuffix("/") ? String(components.path.dropLast()) : components.path) + "/structures"
        }
        var items = components.queryItems ?? []
        if let filter = options.filter { items.append(URLQueryItem(name: "filter", value: filter)) }
        if let limit = options.pageLimit { items.append(URLQueryItem(name: "page_limit", value: String(limit))) }
        components.queryItems = items.isEmpty ? nil : items
        // URLComponents leaves `+` and `&` unescaped inside values; OPTIMADE filters need them escaped.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let text = components.string else { throw PageError(description: "cannot build a query URL from \(url)") }
        return text
    }

    /// The page at `url`; an error status whose body is an OPTIMADE error document is reported
    /// with its `errors[].detail` (servers put `meta` first, so a plain excerpt of the body may
    /// end before the errors).
    static func fetch(_ url: String, timeouts: PullTimeouts) throws -> FetchedDocument {
        do {
            return try HTTPFetch.get(url, timeouts: timeouts)
        } catch {
            guard case .http(let status, _, let answeredBy, let body) = error,
                  let object = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
                  let detail = errorDetail(object) else { throw error }
            let via = answeredBy.map { $0 == url ? "" : " (answered by \($0))" } ?? ""
            throw PageError(description: "HTTP \(status) from \(url)\(via): \(detail)")
        }
    }

    /// The `detail` (else `title`) of each entry of an OPTIMADE document's `errors` on one line
    /// (a filter parser's multi-line message joined by spaces), joined by `; `; nil when it has none.
    static func errorDetail(_ document: [String: Any]) -> String? {
        guard let errors = document["errors"] as? [[String: Any]] else { return nil }
        let details = errors.compactMap { ($0["detail"] ?? $0["title"]) as? String }
            .map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return details.isEmpty ? nil : details.joined(separator: "; ")
    }

    /// The page's `links.next` (a string or `{"href": …}`), `nil` when there is none; a page that
    /// is not an OPTIMADE response is an error naming its URL.
    static func nextLink(_ body: [UInt8], url: String) throws -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw PageError(description: "\(url): the response is not a JSON object (\(body.count) bytes)")
        }
        if object["data"] == nil, let detail = errorDetail(object) {
            throw PageError(description: "\(url): the server answered with errors: \(detail)")
        }
        guard object["data"] is [Any] else { throw PageError(description: "\(url): the response has no \"data\" list") }
        let next = (object["links"] as? [String: Any])?["next"]
        if let link = next as? String, !link.isEmpty { return link }
        if let link = (next as? [String: Any])?["href"] as? String, !link.isEmpty { return link }
        return nil
    }
}
