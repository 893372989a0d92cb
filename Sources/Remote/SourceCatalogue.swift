import Foundation

/// The catalogue of public files `curate pull NAME` knows (`datasets/sources.json`): each
/// entry's published URL and checksum, `nil` where they are not known (never guessed).
public struct SourceCatalogue: Sendable, Decodable {
    /// One public file.
    public struct Entry: Sendable, Codable, Equatable {
        public var name: String
        public var description: String
        /// Download address; `nil` when only a landing page is known.
        public var url: String?
        /// Landing page naming the file and its current address.
        public var page: String?
        public var license: String?
        /// Published SHA-256, when known.
        public var sha256: String?
        /// Published MD5, when known.
        public var md5: String?
        /// Why a checksum is missing, or where it is published.
        public var checksumNote: String?

        enum CodingKeys: String, CodingKey {
            case name, description, url, page, license, sha256, md5
            case checksumNote = "checksum_note"
        }

        /// The published checksum as the pull's expectation, SHA-256 first.
        public func expected() throws(PullError) -> ExpectedDigest? {
            if let sha256 { return try ExpectedDigest(algorithm: "sha256", hex: sha256) }
            if let md5 { return try ExpectedDigest(algorithm: "md5", hex: md5) }
            return nil
        }
    }

    /// The format tag, `curate-sources/1`.
    public var format: String
    /// Every entry, in file order.
    public var sources: [Entry]

    /// Reads the catalogue at `path`.
    public static func load(path: String) throws(PullError) -> SourceCatalogue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .request("\(path): cannot read the source catalogue")
        }
        let catalogue: SourceCatalogue
        do { catalogue = try JSONDecoder().decode(SourceCatalogue.self, from: data) } catch {
            throw .request("\(path): not a source catalogue: \(error)")
        }
        guard catalogue.format == "curate-sources/1" else {
            throw .request("\(path): unknown catalogue format \"\(catalogue.format)\" (expected curate-sources/1)")
        }
        return catalogue
    }

    /// The entry called `name`, or an error listing the names there are.
    public func entry(named name: String) throws(PullError) -> Entry {
        guard let entry = sources.first(where: { $0.name == name }) else {
            throw .request("no source \"\(name)\" in the catalogue; known: \(sources.map(\.name).joined(separator: ", "))")
        }
        return entry
    }
}
