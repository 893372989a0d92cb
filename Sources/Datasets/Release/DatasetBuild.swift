import CurateIO
import Curation
import Store

/// Everything a release is made of, before it is written: the split records, what was left
/// out and why, and the provenance the manifest records.
public struct DatasetBuild: Sendable {
    /// The dataset spec, as written.
    public var spec: DatasetSpec
    /// The curation spec it names.
    public var curationSpec: CurationSpec
    /// Release version (semantic, e.g. `1.0.0`).
    public var version: String
    /// The sources read.
    public var sources: [PreparedSource]
    /// Content hash of the whole store the build read.
    public var storeContentSHA256: String
    /// Hash of the observations curation read (independent of row ids and other sources).
    public var inputsSHA256: String
    /// Number of observations curation read.
    public var inputCount: Int
    /// The curation funnel.
    public var funnel: [FunnelStep]
    /// Released records, sorted by canonical key, with split labels (composition datasets).
    public var records: [DatasetRecord]
    /// Released reactions, sorted by id, with split labels (reaction datasets).
    public var reactions: [ReactionRecord] = []
    /// Every observation left out, with the rule or reason.
    public var ledger: [LedgerLine]
    /// Facts about the split (held-out systems, cluster sizes, bin edges).
    public var splitNotes: [String: String]

    /// One line of a release's ledger: the same row a streaming build sorts in its scratch
    /// database (source, locator, formula as written, key, value, qualifier, rule and reason).
    public typealias LedgerLine = ReleaseScratch.LedgerRow
}

/// Builds a `DatasetBuild` from a store.
public enum DatasetBuilder {
    /// Version of the release rules (record assembly, split assignment, file layout).
    public static let rulesVersion = "release/1"

    /// Prepares the sources, curates, assembles records and splits them.
    /// - Parameters:
    ///   - sourcePaths: absolute path of every source, in spec order.
    ///   - progress: hears of stages 0 to sources (one per source, then curation) of ``stageCount(_:)``.
    public static func build(spec: DatasetSpec, curationSpec: CurationSpec, version: String,
                             sourcePaths: [String], store: CurateStore, progress: WorkProgress? = nil) throws -> DatasetBuild {
        let stages = stageCount(spec)
        let sources = try SourcePreparation.prepare(spec.sources, absolutePaths: sourcePaths, store: store,
                                                    progress: progress, stageCount: stages)
        progress?(WorkStage(index: spec.sources.count, count: stages, label: "curate and split"))
        let names = sources.map(\.spec.storeName)
        var inputs = try store.curationInputs(property: spec.target.property, sources: names)
        guard !inputs.isEmpty else {
            throw DatasetError.input(message: "no observations of \"\(spec.target.property)\" in sources \(names.joined(separator: ", "))")
        }
        var joinExclusions: [CurationRecordSet.Exclusion] = []
        var joinStep: FunnelStep?
        if let join = spec.structureJoin {
            let structures = try store.curationInputs(property: "structure", sources: join.sources)
            guard !structures.isEmpty else {
                throw DatasetError.input(message: "structure_join: no structure observations in sources \(join.sources.joined(separator: ", "))")
            }
            let outcome = StructureJoin.apply(values: inputs, structures: structures, key: join.keyField)
            // Excluded values keep their place (and their ledger line); joined ones gain fields.
            let joined = Dictionary(outcome.inputs.map { ($0.observationId, $0) }, uniquingKeysWith: { first, _ in first })
            inputs = inputs.map { joined[$0.observationId] ?? $0 }
            joinExclusions = outcome.exclusions
            joinStep = FunnelStep(step: "structure join on \(join.keyField) (\(outcome.joined) joined, \(outcome.alreadyLabelled) already labelled, "
                                      + "\(outcome.unmatched) without a structure of their id)",
                                  removed: joinExclusions.count, remaining: outcome.inputs.count)
        }
        if let other = inputs.first(where: { ($0.unit ?? spec.target.unit) != spec.target.unit }) {
            throw DatasetError.input(message: "the spec says \(spec.target.property) is in \(spec.target.unit) but \(other.sourceName):\(other.locator) is in \(other.unit ?? "no unit")")
        }
        var curation = curationSpec
        curation.sources = names
        // Observations a person excluded by accepting a review flag (`curate flags accept`).
        let inputIds = Set(inputs.map(\.observationId))
        let reviewed = try store.reviewExclusions(kind: .property).compactMap { accepted in
            Int(accepted.subjectKey).map { CurationRecordSet.Exclusion(observationId: $0, rule: "flag_accepted", ruleVersion: "review/1",
                                                                       reason: "flag \(accepted.flagId) accepted: \(accepted.note)", evidenceJSON: nil) }
        }.filter { inputIds.contains($0.observationId) }
        let setAside = Set(reviewed.map(\.observationId)).union(joinExclusions.map(\.observationId))
        var (curated, clusters, funnel) = CurationEngine.run(spec: curation, inputs: inputs.filter { !setAside.contains($0.observationId) })
        if let joinStep { funnel.insert(joinStep, at: 0) }
        let exclusions = curated + reviewed + joinExclusions
        if spec.representation == "reaction" {
            return try ReactionDatasetBuilder.build(spec: spec, curationSpec: curationSpec, version: version, sources: sources,
                                                    inputs: inputs, exclusions: exclusions, curationFunnel: funnel, store: store)
        }
        let assembled = RecordAssembly.records(clusters: clusters, inputs: inputs, target: spec.target,
                                               attributeField: spec.split.attributeField)
        let outcome = Splitter.split(assembled.records, spec: spec.split, seed: spec.seed)

        var byId: [Int: CurationInput] = [:]
        for input in inputs { byId[input.observationId] = input }
        var ledger: [DatasetBuild.LedgerLine] = []
        func line(_ id: Int, _ rule: String, _ version: String, _ reason: String) {
            guard let input = byId[id] else { return }
            ledger.append(.init(source: input.sourceName, locator: input.locator, formulaAsWritten: input.formulaAsWritten,
                                canonicalKey: input.canonicalKey, value: input.value, qualifier: input.qualifier,
                                rule: rule, ruleVersion: version, reason: reason))
        }
        for exclusion in exclusions { line(exclusion.observationId, exclusion.rule, exclusion.ruleVersion, exclusion.reason) }
        for exclusion in assembled.excluded { line(exclusion.observationId, exclusion.rule, rulesVersion, exclusion.reason) }
        let clusterMembers = Dictionary(clusters.map { ($0.key, $0.members) }, uniquingKeysWith: { first, _ in first })
        for (record, reason) in outcome.unplaced {
            let key = record.protostructure.map { record.canonicalKey + " " + $0 } ?? record.canonicalKey
            for id in clusterMembers[key] ?? [] { line(id, "unplaced_by_split", rulesVersion, reason) }
        }
        ledger += try quarantineLines(sources, store: store)
        ledger.sort { ($0.source, $0.locator, $0.rule) < ($1.source, $1.locator, $1.rule) }
        return DatasetBuild(spec: spec, curationSpec: curationSpec, version: version, sources: sources,
                            storeContentSHA256: try store.contentHash(), inputsSHA256: inputsHash(inputs),
                            inputCount: inputs.count, funnel: funnel, records: outcome.records, ledger: ledger,
                            splitNotes: outcome.notes)
    }

    /// The stages of a release of `spec` (a progress total): one per source, curation and
    /// splitting, rendering the files, writing them.
    public static func stageCount(_ spec: DatasetSpec) -> Int { spec.sources.count + 3 }

    /// The ingest quarantine of `sources`, as ledger lines.
    static func quarantineLines(_ sources: [PreparedSource], store: CurateStore) throws -> [DatasetBuild.LedgerLine] {
        var lines: [DatasetBuild.LedgerLine] = []
        for source in sources {
            for entry in try store.quarantineEntries(source: source.spec.storeName) where entry.sourceName == source.spec.storeName {
                lines.append(.init(source: entry.sourceName, locator: entry.locator, formulaAsWritten: "", canonicalKey: "",
                                   value: nil, qualifier: "", rule: "quarantine:" + entry.reasonCode, ruleVersion: entry.ruleVersion,
                                   reason: entry.message + (entry.field.map { " (field \($0))" } ?? "")))
            }
        }
        return lines
    }

    /// sha256 over the inputs' content lines sorted by source and locator.
    static func inputsHash(_ inputs: [CurationInput]) -> String {
        let lines = inputs.map(inputLine).sorted()
        var hasher = SHA256Hasher()
        for line in lines { hasher.update(line); hasher.update("\n") }
        return hasher.finalizeHex()
    }

    /// One input's line in the inputs hash: its content fields joined by U+001F.
    static func inputLine(_ input: CurationInput) -> String {
        [input.sourceName, input.locator, input.canonicalKey, input.formulaAsWritten, input.value.map(CSVText.number) ?? "",
         input.unit ?? "", input.qualifier, input.conditionsJSON ?? "", input.metadataJSON ?? ""].joined(separator: "\u{1F}")
    }
}
