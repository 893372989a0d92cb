import Ingest
import Store

/// `curate ingest KIND PATH`: looks the kind up in ``SourceRegistry``, opens the store and
/// ingests through the shared driver. An unknown kind is refused before the store is opened.
public enum IngestWorkflow {
    /// What to ingest.
    public struct Request: Sendable {
        /// Source kind, e.g. `supercon` (see ``SourceRegistry/kinds``).
        public var kind: String
        /// File to read (a folder for kinds that read folders).
        public var path: String
        /// Store file.
        public var storePath: String
        /// Source name and formula bindings.
        public var options: IngestOptions
        /// Property, unit and value column for tables whose header does not say.
        public var parameters: SourceParameters

        /// Creates a request.
        public init(kind: String, path: String, storePath: String, options: IngestOptions = IngestOptions(),
                    parameters: SourceParameters = SourceParameters()) {
            self.kind = kind
            self.path = path
            self.storePath = storePath
            self.options = options
            self.parameters = parameters
        }
    }

    /// Why an ingest did not happen; every case leaves the store unchanged.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// No ingester reads this kind.
        case unknownKind(UnknownSourceKind)
        /// The store could not be opened.
        case store(path: String, reason: String)
        /// The ingester or the store refused the input.
        case ingest(IngestError)

        public var description: String {
            switch self {
            case .unknownKind(let error): "\(error)"
            case .store(let path, let reason): "cannot open store \(path): \(reason)"
            case .ingest(let error): "ingest failed, store unchanged: \(error)"
            }
        }
    }

    /// Runs `request` and returns the ingest's report.
    public static func run(_ request: Request) throws(Failure) -> IngestReport {
        let ingester: any SourceIngester
        do { ingester = try SourceRegistry.ingester(for: request.kind) } catch { throw .unknownKind(error) }
        let store: CurateStore
        do { store = try CurateStore(path: request.storePath) } catch {
            throw .store(path: request.storePath, reason: String(describing: error))
        }
        do {
            return try ingester.ingest(path: request.path, parameters: request.parameters, options: request.options, into: store)
        } catch {
            throw .ingest(error)
        }
    }

    /// `curate ingest --help`: one line per registered kind.
    public static var kindsHelp: String {
        SourceRegistry.ingesters.map { "\($0.kind): \($0.summary)." }.joined(separator: "\n")
    }
}
