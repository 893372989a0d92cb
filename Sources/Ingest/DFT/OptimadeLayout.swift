import Foundation

/// The resources of an OPTIMADE response file and their byte ranges.
///
/// Shapes: one response (`{"data": [...], "meta": {...}, "links": ...}`; `data` may also be a
/// single resource), a list of responses (pages saved one after another), or a bare list of
/// resources. The provider prefix is read from `meta.provider.prefix` when present.
struct OptimadeLayout {
    /// One resource.
    struct Record {
        /// 1-based position in the file.
        let number: Int
        /// Byte range of the resource's JSON text.
        let range: Range<Int>
        /// Human-readable position, e.g. `data[3]` or `response 2 data[0]`.
        let locator: String
        /// `meta.provider.prefix` of the response it came from.
        let providerPrefix: String?
    }

    /// `response`, `responses` or `resources`.
    let shape: String
    let records: [Record]
    /// `meta.api_version` of the (first) response.
    let apiVersion: String?

    /// Splits the document held by `scanner`; a structural problem or a file that is not an
    /// OPTIMADE response refuses the file.
    static func split(_ scanner: JSONDocumentScanner) throws(JSONDocumentScanner.Failure) -> OptimadeLayout {
        let root = try scanner.root()
        if scanner.opens(root, with: "{") {
            let (records, version) = try response(root, scanner: scanner, page: nil, first: 1)
            return OptimadeLayout(shape: "response", records: records, apiVersion: version)
        }
        guard scanner.opens(root, with: "[") else {
            throw JSONDocumentScanner.Failure(offset: root.lowerBound, message: "expected an OPTIMADE response object")
        }
        let elements = try scanner.elements(of: root)
        if elements.allSatisfy({ isResponse($0, scanner) }) && !elements.isEmpty {
            var records: [Record] = []
            var version: String?
            for (index, element) in elements.enumerated() {
                let (page, pageVersion) = try response(element, scanner: scanner, page: index + 1, first: records.count + 1)
                records += page
                version = version ?? pageVersion
            }
            return OptimadeLayout(shape: "responses", records: records, apiVersion: version)
        }
        guard elements.contains(where: { scanner.member("type", of: $0) != nil && scanner.member("id", of: $0) != nil }) else {
            throw JSONDocumentScanner.Failure(offset: root.lowerBound,
                message: "a list of neither responses (with \"data\") nor resources (with \"id\" and \"type\")")
        }
        return OptimadeLayout(shape: "resources", records: elements.enumerated().map {
            Record(number: $0.offset + 1, range: $0.element, locator: "resource \($0.offset + 1)", providerPrefix: nil)
        }, apiVersion: nil)
    }

    /// Whether `range` is a response: its `data` is a list, or one resource with a `type`.
    private static func isResponse(_ range: Range<Int>, _ scanner: JSONDocumentScanner) -> Bool {
        guard let data = scanner.member("data", of: range) else { return false }
        return scanner.opens(data, with: "[") || scanner.member("type", of: data) != nil
    }

    /// The resources of one response object.
    private static func response(_ range: Range<Int>, scanner: JSONDocumentScanner, page: Int?,
                                 first: Int) throws(JSONDocumentScanner.Failure) -> ([Record], String?) {
        guard let data = scanner.member("data", of: range) else {
            let members = (try? scanner.members(of: range))?.map(\.key) ?? []
            let error = scanner.member("errors", of: range) != nil ? " (it is an error response)" : ""
            throw JSONDocumentScanner.Failure(offset: range.lowerBound,
                message: "no \"data\" member\(error); members: \(members.joined(separator: ", "))")
        }
        guard isResponse(range, scanner) else {
            throw JSONDocumentScanner.Failure(offset: data.lowerBound, message: "\"data\" is neither a list nor a resource with a type")
        }
        let meta = scanner.member("meta", of: range)
        let provider = meta.flatMap { scanner.member("provider", of: $0) }
        let prefix = provider.flatMap { scanner.member("prefix", of: $0) }.flatMap { stringValue(scanner, $0) }
        let version = meta.flatMap { scanner.member("api_version", of: $0) }.flatMap { stringValue(scanner, $0) }
        let elements = try scanner.opens(data, with: "[") ? scanner.elements(of: data) : [data]
        let records = elements.enumerated().map { offset, element in
            Record(number: first + offset, range: element,
                   locator: (page.map { "response \($0) " } ?? "") + "data[\(offset)]", providerPrefix: prefix)
        }
        return (records, version)
    }

    private static func stringValue(_ scanner: JSONDocumentScanner, _ range: Range<Int>) -> String? {
        JSONFields.string(try? JSONSerialization.jsonObject(with: scanner.data(range), options: [.fragmentsAllowed]))
    }
}
