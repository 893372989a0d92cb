import CurateIO
import Curation
import Foundation
import Store

/// A composition or protostructure release built in memory that does not grow with the store:
/// observations are read in canonical-key order (``CurateStore/forEachCurationInput(property:sources:_:)``),
/// screened and curated one dedup group at a time (``CurationPass``), each record split on its
/// own (``Splitter/recordLabel(_:strategy:seed:)``) and written straight to its files; the ledger,
/// the inputs hash and the leakage audit are sorted and counted in a ``ReleaseScratch`` on disk.
/// The bytes equal those of ``DatasetBuilder`` and ``ReleaseFiles/render(_:directory:storeMode:)``
/// (tested on every starter spec it supports).
enum StreamingRelease {
    /// Whether `spec` can be built this way: not a reaction dataset, no structure join, no
    /// Parquet export (written from whole splits), and a split that labels each record alone
    /// (random, grouped, k-fold, nested k-fold).
    static func supports(_ spec: DatasetSpec) -> Bool {
        spec.representation != "reaction" && spec.structureJoin == nil && !spec.wantsExport("parquet")
            && Splitter.labelsEachRecordAlone(spec.split)
    }

    /// Ledger categories: the order in which an in-memory build appends ledger lines, which
    /// breaks ties between lines with the same source, locator and rule.
    enum LedgerCategory: Int { case curation = 0, review = 1, assembly = 3, quarantine = 5 }

    /// Builds the release of `spec` from `store` into `folder`, the manifest in memory.
    static func build(spec: DatasetSpec, curationSpec: CurationSpec, version: String, sourcePaths: [String], store: CurateStore,
                      directory: String, storeMode: String, folder: StagedFolder,
                      progress: WorkProgress? = nil) throws -> (files: ReleaseFiles, ingested: [String]) {
        let stages = DatasetBuilder.stageCount(spec)
        let sources = try SourcePreparation.prepare(spec.sources, absolutePaths: sourcePaths, store: store,
                                                    progress: progress, stageCount: stages)
        progress?(WorkStage(index: spec.sources.count, count: stages, label: "curate and split"))
        let names = sources.map(\.spec.storeName)
        var curation = curationSpec
        curation.sources = names
        var reviewed: [Int: [(exclusion: CurationRecordSet.Exclusion, sequence: Int)]] = [:]
        let accepted = try store.reviewExclusions(kind: .property).compactMap { accepted in
            Int(accepted.subjectKey).map { CurationRecordSet.Exclusion(observationId: $0, rule: "flag_accepted", ruleVersion: "review/1",
                                                                       reason: "flag \(accepted.flagId) accepted: \(accepted.note)", evidenceJSON: nil) }
        }
        for (sequence, exclusion) in accepted.enumerated() { reviewed[exclusion.observationId, default: []].append((exclusion, sequence)) }

        let scratch = try ReleaseScratch()
        let writer = RecordStreamWriter(spec: spec, folder: folder, scratch: scratch)
        var pass = CurationPass(spec: curation)
        var curator = GroupCurator(spec: spec, writer: writer, scratch: scratch)
        var inputCount = 0
        var wrongUnit: CurationInput?
        try store.forEachCurationInput(property: spec.target.property, sources: names) { input in
            inputCount += 1
            try scratch.addInputLine(DatasetBuilder.inputLine(input))
            if (input.unit ?? spec.target.unit) != spec.target.unit, wrongUnit.map({ input.observationId < $0.observationId }) ?? true {
                wrongUnit = input
            }
            if let exclusions = reviewed[input.observationId] {
                for (exclusion, sequence) in exclusions {
                    try scratch.addLedger(ledgerRow(input, exclusion.rule, exclusion.ruleVersion, exclusion.reason), category: LedgerCategory.review.rawValue, sequence: sequence)
                }
                return
            }
            if let exclusion = pass.screen(input) {
                try scratch.addLedger(ledgerRow(input, exclusion.rule, exclusion.ruleVersion, exclusion.reason),
                                      category: LedgerCategory.curation.rawValue, sequence: input.observationId)
                return
            }
            switch pass.groupKey(input) {
            case .excluded(let exclusion):
                try scratch.addLedger(ledgerRow(input, exclusion.rule, exclusion.ruleVersion, exclusion.reason),
                                      category: LedgerCategory.curation.rawValue, sequence: input.observationId)
            case .group(let key):
                try curator.add(input, key: key, pass: &pass)
            }
        }
        try curator.flush(pass: &pass)
        guard inputCount > 0 else {
            throw DatasetError.input(message: "no observations of \"\(spec.target.property)\" in sources \(names.joined(separator: ", "))")
        }
        if let other = wrongUnit {
            throw DatasetError.input(message: "the spec says \(spec.target.property) is in \(spec.target.unit) but \(other.sourceName):\(other.locator) is in \(other.unit ?? "no unit")")
        }
        for (sequence, line) in try DatasetBuilder.quarantineLines(sources, store: store).enumerated() {
            try scratch.addLedger(.init(source: line.source, locator: line.locator, formulaAsWritten: line.formulaAsWritten,
                                        canonicalKey: line.canonicalKey, value: line.value, qualifier: line.qualifier, rule: line.rule,
                                        ruleVersion: line.ruleVersion, reason: line.reason),
                                  category: LedgerCategory.quarantine.rawValue, sequence: sequence)
        }
        progress?(WorkStage(index: stages - 2, count: stages, label: "render the files"))
        var files = try writer.finish()
        let (ledgerFile, excludedByRule) = try writeLedger(scratch, folder: folder)
        files.append(ledgerFile)
        files.sort { $0.path < $1.path }
        if spec.wantsExport(CardExport.name) {
            let facts = try ReleaseCardFacts(spec: spec, curation: curationSpec, version: version, records: writer.recordCount,
                                             counts: writer.counts, excludedByRule: excludedByRule, files: files)
            files += try CardExport.write(facts, into: folder)
            files.sort { $0.path < $1.path }
        }
        var hasher = SHA256Hasher()
        try scratch.forEachInputLine { line in hasher.update(line); hasher.update("\n") }
        let labels = SplitLabels.ordered(Set(writer.counts.keys))
        var leakage: [LeakageReport] = []
        for (i, first) in labels.enumerated() {
            for second in labels[(i + 1)...] {
                leakage.append(report(try scratch.overlap(first, second, exampleLimit: 10), first, second))
            }
        }
        let build = DatasetBuild(spec: spec, curationSpec: curationSpec, version: version, sources: sources,
                                 storeContentSHA256: try store.contentHash(), inputsSHA256: hasher.finalizeHex(), inputCount: inputCount,
                                 funnel: pass.funnel(), records: [], ledger: [], splitNotes: [:])
        let (manifest, data) = try ReleaseFiles.manifest(build, directory: directory, storeMode: storeMode, files: files, counts: writer.counts,
                                                         excludedByRule: excludedByRule, recordCount: writer.recordCount, leakage: leakage)
        return (ReleaseFiles(manifestData: data, manifest: manifest, staged: folder), sources.filter(\.ingestedNow).map(\.spec.storeName))
    }

    /// A ledger line for `input`.
    static func ledgerRow(_ input: CurationInput, _ rule: String, _ ruleVersion: String, _ reason: String) -> ReleaseScratch.LedgerRow {
        .init(source: input.sourceName, locator: input.locator, formulaAsWritten: input.formulaAsWritten, canonicalKey: input.canonicalKey,
              value: input.value, qualifier: input.qualifier, rule: rule, ruleVersion: ruleVersion, reason: reason)
    }

    /// Writes `excluded.csv` from the sorted ledger; its entry and the count of lines per rule.
    static func writeLedger(_ scratch: ReleaseScratch, folder: StagedFolder) throws -> (ReleaseManifest.File, [String: Int]) {
        let file = try StreamedFile("excluded.csv", in: folder)
        try file.write(RecordFormats.ledgerHeader)
        var byRule: [String: Int] = [:]
        try scratch.forEachLedgerRow { row in
            byRule[row.rule, default: 0] += 1
            try file.writeRow(RecordFormats.ledgerRow(row))
        }
        return (try file.finish(), byRule)
    }

    /// The leakage report of two splits from the scratch's counts.
    static func report(_ overlap: ReleaseScratch.Overlap, _ a: String, _ b: String) -> LeakageReport {
        LeakageReport(a: .init(name: a, records: overlap.recordsA, compositions: overlap.compositionsA, chemicalSystems: overlap.systemsA,
                               recordsWithSharedComposition: overlap.sharedCompositionRecordsA,
                               recordsWithSharedChemicalSystem: overlap.sharedSystemRecordsA),
                      b: .init(name: b, records: overlap.recordsB, compositions: overlap.compositionsB, chemicalSystems: overlap.systemsB,
                               recordsWithSharedComposition: overlap.sharedCompositionRecordsB,
                               recordsWithSharedChemicalSystem: overlap.sharedSystemRecordsB),
                      sharedCompositions: overlap.sharedCompositions, sharedChemicalSystems: overlap.sharedSystems,
                      sharedCompositionExamples: overlap.sharedCompositionExamples,
                      sharedProtostructures: overlap.sharedProtostructures, sharedPrototypes: overlap.sharedPrototypes)
    }
}

/// The dedup groups of one canonical key, curated and released when the next key begins.
struct GroupCurator {
    let spec: DatasetSpec
    let writer: RecordStreamWriter
    let scratch: ReleaseScratch
    private var buffer = DedupGroupBuffer()

    init(spec: DatasetSpec, writer: RecordStreamWriter, scratch: ReleaseScratch) {
        self.spec = spec
        self.writer = writer
        self.scratch = scratch
    }

    /// Adds a screened input to group `key`, first releasing the groups of the previous key.
    mutating func add(_ input: CurationInput, key: String, pass: inout CurationPass) throws {
        let (spec, writer, scratch) = (spec, writer, scratch)
        try buffer.add(input, key: key) { key, members in
            try Self.release(key, members, pass: &pass, spec: spec, writer: writer, scratch: scratch)
        }
    }

    /// Curates the buffered groups in key order and writes their records.
    mutating func flush(pass: inout CurationPass) throws {
        let (spec, writer, scratch) = (spec, writer, scratch)
        try buffer.flush { key, members in
            try Self.release(key, members, pass: &pass, spec: spec, writer: writer, scratch: scratch)
        }
    }

    /// Curates one group and writes its record, or its exclusions to the ledger.
    private static func release(_ key: String, _ members: [CurationInput], pass: inout CurationPass, spec: DatasetSpec,
                                writer: RecordStreamWriter, scratch: ReleaseScratch) throws {
        let (cluster, exclusions) = pass.curate(key: key, members: members)
        let byId = Dictionary(members.map { ($0.observationId, $0) }, uniquingKeysWith: { first, _ in first })
        for exclusion in exclusions {
            guard let input = byId[exclusion.observationId] else { continue }
            try scratch.addLedger(StreamingRelease.ledgerRow(input, exclusion.rule, exclusion.ruleVersion, exclusion.reason),
                                  category: StreamingRelease.LedgerCategory.curation.rawValue, sequence: input.observationId)
        }
        guard let cluster else { return }
        let kept = Set(cluster.members)
        switch RecordAssembly.record(cluster: cluster, members: members.filter { kept.contains($0.observationId) }, target: spec.target,
                                     attributeField: spec.split.attributeField) {
        case .success(let record):
            try writer.write(record)
        case .failure(let excluded):
            for exclusion in excluded.list {
                guard let input = byId[exclusion.observationId] else { continue }
                try scratch.addLedger(StreamingRelease.ledgerRow(input, exclusion.rule, DatasetBuilder.rulesVersion, exclusion.reason),
                                      category: StreamingRelease.LedgerCategory.assembly.rawValue, sequence: input.observationId)
            }
        case nil:
            return
        }
    }
}
