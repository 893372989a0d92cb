import Ingest
import Store

/// `curate ingest KIND PATH`: looks the kind up in ``SourceRegistry``, opens the store and
/// ingests through the shared driver. An unknown kind is refused before the store is opened.
public enum IngestWorkflow {
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

    /// Ingests `path` as a `kind` source (see ``SourceRegistry/kinds``) into the store at
    /// `storePath` (created if needed) and returns the report. `options` name the source and bind
    /// formula variables; `parameters` give the property, unit and value column of tables whose
    /// header does not say.
    public static func run(kind: String, path: String, storePath: String, options: IngestOptions = IngestOptions(),
                           parameters: SourceParameters = SourceParameters()) throws(Failure) -> IngestReport {
        let ingester: any SourceIngester
        do { ingester = try SourceRegistry.ingester(for: kind) } catch { throw .unknownKind(error) }
        let store: CurateStore
        do { store = try CurateStore(path: storePath) } catch {
            throw .store(path: storePath, reason: String(describing: error))
        }
        do {
            return try ingester.ingest(path: path, parameters: parameters, options: options, into: store)
        } catch {
            throw .ingest(error)
        }
    }

    /// `curate ingest --help`: one line per registered kind.
    public static var kindsHelp: String {
        SourceRegistry.ingesters.map { "\($0.kind): \($0.summary)." }.joined(separator: "\n")
    }
}
