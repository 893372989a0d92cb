/// Every source kind `curate` reads: the one list the command line and dataset specs both look
/// kinds up in. A new kind is one new ``SourceIngester`` file and one line here.
public enum SourceRegistry {
    /// The ingesters, in the order `curate ingest --help` lists them.
    public static let ingesters: [any SourceIngester] = [
        SuperConIngester(),
        PropertyTableIngester(kind: "oqmd"),
        MaterialsProjectIngester(),
        PropertyTableIngester(kind: "table"),
        SynthesisIngester(),
        WBMIngester(),
        OptimadeIngester(),
        CIFIngester(),
        StructureTableIngester(),
        VaspIngester(),
    ]

    /// Every kind name, in registry order.
    public static var kinds: [String] { ingesters.map(\.kind) }

    /// The ingester of `kind`, or an error naming the known kinds.
    public static func ingester(for kind: String) throws(UnknownSourceKind) -> any SourceIngester {
        guard let ingester = ingesters.first(where: { $0.kind == kind }) else {
            throw UnknownSourceKind(kind: kind, known: kinds)
        }
        return ingester
    }
}

/// A source kind no ingester reads.
public struct UnknownSourceKind: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind asked for.
    public var kind: String
    /// The kinds there are.
    public var known: [String]

    /// Creates the error.
    public init(kind: String, known: [String]) {
        self.kind = kind
        self.known = known
    }

    public var description: String {
        "unknown source kind \"\(kind)\"; known: \(known.sorted().joined(separator: ", "))"
    }
}
