import Datasets
import Foundation
import Ingest
import Store

/// `curate demo`: the main job end to end on the shared data, in a fresh folder: ingest Stanev
/// and MDR SuperCon and the 2019 synthesis release into a SQLite store, clean, release
/// `supercon-tc` and `solid-state-synthesis`, and run the element-balance flags on the reactions.
public enum DemoWorkflow {
    /// Where the demo reads and writes.
    public struct Request: Sendable, Equatable {
        /// The shared data directory (`../shared/data` from the repository root).
        public var dataDirectory = "../shared/data"
        /// The folder the demo makes (replaced when it is an earlier demo folder).
        public var outDirectory = "curate-demo"
        /// The folder holding the dataset and curation specs (the repository's `datasets/`).
        public var specsDirectory = "datasets"
        /// How the next commands call the tool (e.g. `.build/release/curate`).
        public var command = "curate"

        public init() {}
    }

    /// The file inside a demo folder that marks it as one, so that only demo folders are replaced.
    public static let marker = ".curate-demo"

    /// Runs the demo; see the type's documentation. Fails before writing anything when the data
    /// or the specs are missing, or when `outDirectory` exists and is not a demo folder.
    public static func run(_ request: Request) throws -> DemoSummary {
        let started = Date()
        let data = absolute(request.dataDirectory)
        let specs = absolute(request.specsDirectory)
        try checkInputs(data: data, specs: specs, request: request)
        let folder = absolute(request.outDirectory)
        let replaced = try prepareFolder(folder)
        let storePath = (folder as NSString).appendingPathComponent("curate.sqlite")
        let store = try StoreOpening.create(storePath)
        let ingested = try DemoInputs.sources.map { try ingest($0, data: data, store: store) }
        var cleaned: [DemoSummary.Cleaned] = []
        var releases: [DemoSummary.Released] = []
        for name in DemoInputs.datasets {
            let spec = try derivedSpec(name, specs: specs, data: data, folder: folder)
            let report = try CleanWorkflow.clean(specPath: spec.curationPath, storePath: storePath)
            cleaned.append(.init(spec: report.spec, runId: report.runId, input: report.input, curated: report.curated, excluded: report.excluded))
            let directory = (folder as NSString).appendingPathComponent("releases/\(name)/\(DemoInputs.version)")
            let release = try ReleaseWorkflow.release(specPath: spec.path, version: DemoInputs.version, outDirectory: directory, storePath: storePath)
            releases.append(.init(name: name, version: DemoInputs.version, directory: release.directory,
                                  records: release.manifest.records, splits: release.manifest.split.counts))
        }
        let reactions = (folder as NSString).appendingPathComponent("releases/\(DemoInputs.reactionDataset)/\(DemoInputs.version)")
        var balanceRequest = BalanceWorkflow.Request(release: reactions)
        balanceRequest.storePath = storePath
        balanceRequest.recording = .all
        let balance = try BalanceWorkflow.run(balanceRequest).summary
        let report = try writeReport(releases: releases, folder: folder)
        var summary = DemoSummary(
            folder: folder, replaced: replaced, store: storePath, ingested: ingested, cleaned: cleaned, releases: releases,
            balance: .init(release: reactions, checked: balance.checked, flagged: balance.flagged, byRule: balance.byRule,
                           flagsRecorded: balance.recorded?.inserted ?? 0),
            report: report, seconds: 0, nextCommands: [])
        summary.nextCommands = nextCommands(summary, command: request.command)
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Writes `<folder>/report.html`, the report of the demo's composition release (supercon-tc,
    /// else the first release), and returns its path; nil when nothing was released.
    static func writeReport(releases: [DemoSummary.Released], folder: String) throws -> String? {
        guard let release = releases.first(where: { $0.name == "supercon-tc" }) ?? releases.first else { return nil }
        let out = (folder as NSString).appendingPathComponent("report.html")
        return try ReportWorkflow.report(ReportRequest(target: release.directory, out: out)).out
    }

    /// Fails, naming what is missing and the option that points elsewhere, unless every input
    /// file and dataset spec exists.
    static func checkInputs(data: String, specs: String, request: Request) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WorkflowError("no data directory at \(data) (from \"\(request.dataDirectory)\"); the demo reads the shared data "
                                + "(supercon/, synthesis/) there: point to it with --data DIR")
        }
        for source in DemoInputs.sources {
            let path = (data as NSString).appendingPathComponent(source.relativePath)
            guard FileManager.default.fileExists(atPath: path) else {
                throw WorkflowError("the data directory \(data) has no \(source.relativePath); point to the shared data with --data DIR")
            }
        }
        for name in DemoInputs.datasets {
            let path = (specs as NSString).appendingPathComponent("\(name).dataset.json")
            guard FileManager.default.fileExists(atPath: path) else {
                throw WorkflowError("no dataset spec \(path); run from the repository root or give its datasets folder with --specs DIR")
            }
        }
    }

    /// Creates `folder` empty with the demo marker; an earlier demo folder there is removed
    /// first (returns true), any other existing path is an error.
    static func prepareFolder(_ folder: String) throws -> Bool {
        let manager = FileManager.default
        var replaced = false
        if manager.fileExists(atPath: folder) {
            guard manager.fileExists(atPath: (folder as NSString).appendingPathComponent(marker)) else {
                throw WorkflowError("\(folder) exists and is not a demo folder (no \(marker) in it); give another --out DIR")
            }
            try step("cannot remove the earlier demo folder \(folder)") { try manager.removeItem(atPath: folder) }
            replaced = true
        }
        try step("cannot create \(folder)") {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data("made by `curate demo`; a later run replaces this folder\n".utf8)
                .write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(marker)))
        }
        return replaced
    }

    /// Ingests one demo source into `store`.
    static func ingest(_ source: DemoInputs.Source, data: String, store: CurateStore) throws -> DemoSummary.Ingested {
        let path = (data as NSString).appendingPathComponent(source.relativePath)
        let options = IngestOptions(sourceName: source.name)
        let report = try step("ingest of \(path) failed") { () throws -> IngestReport in
            switch source.kind {
            case "synthesis": return try SynthesisIngester.ingest(path: path, into: store, options: options)
            default: return try SuperConIngester.ingest(path: path, into: store, options: options)
            }
        }
        return .init(name: source.name, kind: source.kind, file: path, read: report.read, stored: report.stored,
                     duplicates: report.duplicates, quarantined: report.quarantined)
    }

    /// A copy of the dataset spec `name` whose sources are the demo's files under `data` and
    /// whose curation spec is named by absolute path, written to `<folder>/specs/`.
    static func derivedSpec(_ name: String, specs: String, data: String, folder: String) throws -> (path: String, curationPath: String) {
        let original = (specs as NSString).appendingPathComponent("\(name).dataset.json")
        var spec = try step { try DatasetSpec.load(path: original) }
        for index in spec.sources.indices {
            let storeName = spec.sources[index].storeName
            guard let input = DemoInputs.sources.first(where: { $0.name == storeName && $0.kind == spec.sources[index].kind }) else {
                throw WorkflowError("\(original): source \(storeName) is not one the demo ingests (\(DemoInputs.sources.map(\.name).joined(separator: ", ")))")
            }
            spec.sources[index].path = (data as NSString).appendingPathComponent(input.relativePath)
            spec.sources[index].name = storeName
        }
        let curationPath = SourcePreparation.resolve(spec.curation, against: specs)
        spec.curation = curationPath
        let directory = (folder as NSString).appendingPathComponent("specs")
        let path = (directory as NSString).appendingPathComponent("\(name).dataset.json")
        try step("cannot write \(path)") {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data((try spec.canonicalJSON() + "\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        return (path, curationPath)
    }

    /// The commands a user would try next, with this demo's paths.
    static func nextCommands(_ summary: DemoSummary, command: String) -> [String] {
        let store = "--store " + quoted(summary.store)
        var commands = ["\(command) stats \(store)"]
        if let superconRun = summary.cleaned.first(where: { $0.spec == "supercon-tc" }) {
            commands.append("\(command) why MgB2 --run \(superconRun.runId) \(store)")
        }
        commands.append("\(command) flags list --kind reaction \(store)")
        if let release = summary.releases.first {
            commands.append("\(command) release --verify \(quoted(release.directory)) \(store)")
        }
        return commands
    }

    /// `text` quoted for a POSIX shell when it holds anything but safe characters.
    static func quoted(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:@")
        if !text.isEmpty && text.allSatisfy(safe.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `path` made absolute against the current directory and standardised.
    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (joined as NSString).standardizingPath
    }
}
