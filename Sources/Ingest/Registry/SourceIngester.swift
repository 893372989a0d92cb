import CurateIO
import Store

/// One kind of input `curate ingest` and dataset specs can read (`supercon`, `wbm`, `cif`, ...).
///
/// An ingester recognises and interprets its input and hands the shared ``IngestDriver`` an
/// ``IngestPlan``: the layout it detected, its rule version, the options worth recording and a
/// function that writes every record. The driver owns the rest (digest → transaction →
/// accounting → report), so every kind hashes, names, counts and reports the same way.
///
/// A new kind is one new file: a type conforming to this protocol, added to
/// ``SourceRegistry/ingesters``.
public protocol SourceIngester: Sendable {
    /// The kind's name on the command line and in dataset specs, e.g. `supercon`.
    var kind: String { get }
    /// One line for `curate ingest --help`: what the kind reads.
    var summary: String { get }
    /// Whether the input may be a folder (read recursively) rather than one file.
    var readsFolders: Bool { get }
    /// The digest an ingest of `path` records (a file's own sha256 and size by default), so a
    /// caller can tell whether the store already holds this input without reading it.
    func digest(path: String) throws(IngestError) -> IngestFileInfo
    /// Opens and checks the input at `path` and returns what the driver writes; a file-level
    /// problem (missing, unreadable, wrong layout) is thrown before the store is touched.
    func plan(path: String, parameters: SourceParameters, options: IngestOptions) throws(IngestError) -> IngestPlan
}

extension SourceIngester {
    /// Files only, by default.
    public var readsFolders: Bool { false }

    /// The file's sha256 and size.
    public func digest(path: String) throws(IngestError) -> IngestFileInfo {
        try FileDigest.ofInput(path: path).ingestFileInfo
    }

    /// Ingests `path` into `store` in one transaction through the shared driver.
    public func ingest(path: String, parameters: SourceParameters = SourceParameters(),
                       options: IngestOptions = IngestOptions(), into store: CurateStore) throws(IngestError) -> IngestReport {
        try IngestDriver.ingest(self, path: path, parameters: parameters, options: options, into: store)
    }
}
