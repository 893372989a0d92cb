import Crystal
import CurateIO
import Curation
import Foundation

/// The bytes of a release: data files, exports and the manifest, keyed by relative path.
/// An in-memory build holds every file in memory; a streamed build (``StreamingRelease``)
/// holds only the manifest, its other files lying in a staged folder.
public struct ReleaseFiles: Sendable {
    /// Files held in memory, by relative path.
    var memory: [String: Data]
    /// The folder of a streamed build's files (nil for an in-memory build).
    let staged: StagedFolder?
    /// The manifest (also the file `manifest.json`).
    public var manifest: ReleaseManifest

    /// Every file's bytes by relative path, manifest included; a streamed build's files are
    /// read from its folder (meant for tests and small releases).
    public var contents: [String: Data] {
        var all = memory
        if let staged {
            for file in manifest.files { all[file.path] = FileManager.default.contents(atPath: staged.file(file.path)) }
        }
        return all
    }

    /// Relative paths of every file, manifest included, sorted.
    public var paths: [String] { Set(memory.keys).union(staged == nil ? [] : manifest.files.map(\.path)).sorted() }

    /// The same files once the staged folder has been renamed to `directory`.
    func released(at directory: String) -> ReleaseFiles {
        guard staged != nil else { return self }
        return ReleaseFiles(memory: memory, staged: StagedFolder(released: directory), manifest: manifest)
    }

    private init(memory: [String: Data], staged: StagedFolder?, manifest: ReleaseManifest) {
        self.memory = memory
        self.staged = staged
        self.manifest = manifest
    }

    /// Where a streamed file lies on disk, or nil for a file held in memory.
    func stagedPath(_ path: String) -> String? {
        guard memory[path] == nil, let staged else { return nil }
        return staged.file(path)
    }

    /// An in-memory build's files.
    init(contents: [String: Data], manifest: ReleaseManifest) {
        memory = contents
        staged = nil
        self.manifest = manifest
    }

    /// A streamed build's files: `manifest.json` in memory, the rest in `staged`.
    init(manifestData: Data, manifest: ReleaseManifest, staged: StagedFolder) {
        memory = ["manifest.json": manifestData]
        self.staged = staged
        self.manifest = manifest
    }

    /// Renders `build` for a release at `directory` (absolute; source paths are written
    /// relative to it). `storeMode` is `fresh` or `file`.
    public static func render(_ build: DatasetBuild, directory: String, storeMode: String) throws -> ReleaseFiles {
        var contents: [String: (data: Data, rows: Int)] = [:]
        let records = build.records
        let property = build.spec.target.property
        let nested = records.contains { $0.innerFold != nil }
        let reactions = build.reactions
        // What the leakage audit and split counts see: one (label, target composition) per record.
        let audited: [(split: String, key: String, system: String, protostructure: String?)]
        if build.spec.representation == "reaction" {
            contents["records.csv"] = (Data(ReactionFormats.csv(reactions).utf8), reactions.count)
            contents["records.jsonl"] = (Data(ReactionFormats.jsonLines(reactions).utf8), reactions.count)
            audited = reactions.map { ($0.split, $0.targetKey, $0.chemicalSystem, nil) }
        } else {
            contents["records.csv"] = (Data(RecordFormats.csv(records, nested: nested).utf8), records.count)
            contents["records.jsonl"] = (Data(RecordFormats.jsonLines(records, nested: nested).utf8), records.count)
            audited = records.map { ($0.split, $0.canonicalKey, $0.chemicalSystem, $0.protostructure) }
        }
        contents["excluded.csv"] = (Data(RecordFormats.ledgerCSV(build.ledger).utf8), build.ledger.count)
        let labels = SplitLabels.ordered(Set(audited.map(\.split)))
        for label in labels where build.spec.representation != "reaction" {
            let members = records.filter { $0.split == label }
            contents["exports/roost/\(label).csv"] = (Data(RecordFormats.roostCSV(members, property: property).utf8), members.count)
            contents["exports/matbench/\(label).json"] = (Data(RecordFormats.matbenchJSON(members, property: property).utf8), members.count)
            if records.contains(where: { $0.protostructure != nil }) {
                contents["exports/wren/\(label).csv"] = (Data(RecordFormats.wrenCSV(members, property: property).utf8), members.count)
            }
        }
        if build.spec.wantsExport("parquet") {
            let labelled = records.contains { $0.protostructure != nil }
            for label in labels {
                if build.spec.representation == "reaction" {
                    let members = reactions.filter { $0.split == label }
                    contents["exports/parquet/\(label).parquet"] = (try ParquetExport.reactions(members), members.count)
                } else {
                    let members = records.filter { $0.split == label }
                    contents["exports/parquet/\(label).parquet"] = (try ParquetExport.records(members, labelled: labelled, nested: nested), members.count)
                }
            }
        }

        var counts: [String: Int] = [:]
        for record in audited { counts[record.split, default: 0] += 1 }
        var excludedByRule: [String: Int] = [:]
        for line in build.ledger { excludedByRule[line.rule, default: 0] += 1 }
        var leakage: [LeakageReport] = []
        for (i, first) in labels.enumerated() {
            for second in labels[(i + 1)...] {
                func side(_ label: String) -> (String, [LeakageRecord]) {
                    (label, audited.filter { $0.split == label }.map { LeakageRecord(canonicalKey: $0.key, chemicalSystem: $0.system, protostructure: $0.protostructure) })
                }
                leakage.append(LeakageAudit.audit(a: side(first), b: side(second), exampleLimit: 10))
            }
        }
        var files = contents.keys.sorted().compactMap { path -> ReleaseManifest.File? in
            guard let item = contents[path] else { return nil }
            return ReleaseManifest.File(path: path, sha256: sha256(item.data), bytes: item.data.count, rows: item.rows)
        }
        if build.spec.wantsExport(CardExport.name) {
            let facts = try ReleaseCardFacts(spec: build.spec, curation: build.curationSpec, version: build.version, records: audited.count,
                                             counts: counts, excludedByRule: excludedByRule, files: files)
            for (path, data) in try CardExport.files(facts) {
                contents[path] = (data, 0)
                files.append(ReleaseManifest.File(path: path, sha256: sha256(data), bytes: data.count, rows: 0))
            }
            files.sort { $0.path < $1.path }
        }
        let (manifest, manifestData) = try self.manifest(build, directory: directory, storeMode: storeMode, files: files, counts: counts,
                                                         excludedByRule: excludedByRule, recordCount: audited.count, leakage: leakage)
        var result = contents.mapValues(\.data)
        result["manifest.json"] = manifestData
        return ReleaseFiles(contents: result, manifest: manifest)
    }

    /// The manifest of `build` and its bytes, given its files (sorted by path, manifest
    /// excluded), split counts, ledger counts by rule, record count and leakage reports.
    static func manifest(_ build: DatasetBuild, directory: String, storeMode: String, files: [ReleaseManifest.File], counts: [String: Int],
                         excludedByRule: [String: Int], recordCount: Int, leakage: [LeakageReport]) throws -> (ReleaseManifest, Data) {
        let options = SymmetryOptions.materialsProject
        let manifest = ReleaseManifest(
            format: ReleaseManifest.currentFormat, name: build.spec.name, version: build.version,
            description: build.spec.description,
            tool: .init(name: "curate", version: CurateVersion.current, releaseRules: DatasetBuilder.rulesVersion),
            datasetSpec: build.spec, datasetSpecSHA256: SHA256Hasher.hex(of: try build.spec.canonicalJSON()),
            curationSpec: build.curationSpec, curationSpecSHA256: SHA256Hasher.hex(of: try build.curationSpec.canonicalJSON()),
            ruleVersions: CurationEngine.ruleVersions.filter { rule, _ in
                build.curationSpec.rules.contains { $0.rule == rule } || rule.hasPrefix("censored")
            },
            target: build.spec.target, representation: build.spec.representation,
            sources: build.sources.map { source in
                ReleaseManifest.Source(name: source.spec.storeName, kind: source.spec.kind,
                                       pathFromRelease: RelativePath.from(directory, to: source.absolutePath),
                                       fileSHA256: source.fileSHA256, fileBytes: source.run.fileSize,
                                       parserVersion: source.run.parserVersion, read: source.run.readCount,
                                       stored: source.run.storedCount, duplicates: source.run.duplicateCount,
                                       quarantined: source.run.quarantinedCount)
            },
            store: .init(mode: storeMode, contentSHA256: build.storeContentSHA256, inputsSHA256: build.inputsSHA256,
                         inputObservations: build.inputCount),
            symmetry: .init(library: "spglib", version: SpglibVersion.current.description, symprec: options.symprec,
                            angleTolerance: options.angleTolerance, used: build.spec.representation != "composition"),
            funnel: build.funnel,
            split: .init(strategy: build.spec.split.name, seed: build.spec.seed, counts: counts, notes: build.splitNotes),
            records: recordCount, excludedByRule: excludedByRule, files: files, leakage: leakage)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (manifest, try encoder.encode(manifest) + Data("\n".utf8))
    }

    static func sha256(_ data: Data) -> String {
        data.withUnsafeBytes { buffer in
            var hasher = SHA256Hasher()
            hasher.update(buffer)
            return hasher.finalizeHex()
        }
    }
}

/// Split labels in reading order: train, validation, test, then the rest sorted naturally.
enum SplitLabels {
    static func ordered(_ labels: Set<String>) -> [String] {
        let fixed = ["train", "validation", "test"]
        let rest = labels.subtracting(fixed).sorted { a, b in
            let (na, nb) = (Int(a.split(separator: "-").last ?? ""), Int(b.split(separator: "-").last ?? ""))
            if let na, let nb, a.split(separator: "-").first == b.split(separator: "-").first { return na < nb }
            return a < b
        }
        return fixed.filter(labels.contains) + rest
    }
}
