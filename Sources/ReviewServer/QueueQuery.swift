import Foundation
import Store

/// What the flag queue shows: a status (nil: all), a kind (nil: both), a producer (nil: all) and a 1-based page.
struct QueueQuery: Sendable, Equatable {
    var status: FlagStatus? = .open
    var kind: FlagKind?
    /// A ``FlagProducer/key`` (nil: every producer).
    var producer: String?
    var page = 1
    var perPage = 50

    static let maximumPerPage = 500

    /// The query of `fields`; throws ``ReviewHTTPError/badRequest(_:)`` naming the bad field.
    init(_ fields: FormFields) throws {
        switch fields["status"] ?? "" {
        case "", "open": status = .open
        case "all": status = nil
        case let text:
            guard let parsed = FlagStatus(rawValue: text) else {
                throw ReviewHTTPError.badRequest("status must be open, accepted, rejected or all, got \"\(text)\"")
            }
            status = parsed
        }
        switch fields["kind"] ?? "" {
        case "", "all": kind = nil
        case let text:
            guard let parsed = FlagKind(rawValue: text) else {
                throw ReviewHTTPError.badRequest("kind must be reaction, property or all, got \"\(text)\"")
            }
            kind = parsed
        }
        if let text = fields["producer"], !text.isEmpty, text != "all" {
            guard text.count <= 200, text.hasPrefix("model:") || text.hasPrefix("input:") else {
                throw ReviewHTTPError.badRequest("producer must be a producer key (model:SHA256 or input:SHA256) or all, got \"\(text.prefix(200))\"")
            }
            producer = text
        }
        if let text = fields["page"], !text.isEmpty {
            guard let number = Int(text), number >= 1, number <= 10_000_000 else {
                throw ReviewHTTPError.badRequest("page must be a whole number from 1, got \"\(text)\"")
            }
            page = number
        }
        if let text = fields["per_page"], !text.isEmpty {
            guard let number = Int(text), (1...Self.maximumPerPage).contains(number) else {
                throw ReviewHTTPError.badRequest("per_page must be a whole number from 1 to \(Self.maximumPerPage), got \"\(text)\"")
            }
            perPage = number
        }
    }

    init() {}

    var offset: Int { (page - 1) * perPage }

    /// `text` safe in a query value: letters and digits kept, everything else `%XX`.
    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// The query string of this filter on page `page`.
    func link(page: Int) -> String {
        var parts = ["status=\(status?.rawValue ?? "all")"]
        if let kind { parts.append("kind=\(kind.rawValue)") }
        if let producer { parts.append("producer=\(Self.percentEncoded(producer))") }
        if perPage != 50 { parts.append("per_page=\(perPage)") }
        parts.append("page=\(page)")
        return "/flags?" + parts.joined(separator: "&amp;")
    }
}

/// A request the server answers with a 4xx page instead of a result.
enum ReviewHTTPError: Error, Equatable {
    /// 400: a field is missing or malformed.
    case badRequest(String)
    /// 404: no such flag.
    case notFound(String)
    /// 413: the body is larger than the server reads.
    case tooLarge(String)
    /// 415: a write that is not a form post.
    case unsupportedMediaType(String)
    /// 403: a write without the token in the form or a header.
    case forbidden(String)
}
