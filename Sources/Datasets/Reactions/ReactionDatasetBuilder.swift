import Curation
import Store

/// Builds a reaction dataset: the curation spec's rules per reaction (no composition dedup),
/// the reaction filters, then a split by reaction or by target composition.
enum ReactionDatasetBuilder {
    static func build(spec: DatasetSpec, curationSpec: CurationSpec, version: String, sources: [PreparedSource],
                      inputs: [CurationInput], exclusions: [CurationRecordSet.Exclusion], curationFunnel: [FunnelStep],
                      store: CurateStore) throws -> DatasetBuild {
        let excludedIds = Set(exclusions.map(\.observationId))
        let kept = inputs.filter { !excludedIds.contains($0.observationId) }
        let filter = spec.reactions ?? .appendixA2
        let (assembled, rejected) = ReactionAssembly.records(inputs: kept, filter: filter)
        // Reactions a person excluded by accepting a review flag (`curate flags accept`).
        let accepted = Dictionary(try store.reviewExclusions(kind: .reaction).map { ($0.subjectKey, $0) }, uniquingKeysWith: { first, _ in first })
        let reactions = assembled.filter { accepted[$0.id] == nil }

        // Split through the composition splitter: the group key is the reaction (random,
        // k-fold) or its target composition (grouped).
        let proxies = reactions.map { reaction in
            DatasetRecord(id: reaction.id, composition: reaction.target, canonicalKey: reaction.targetKey,
                          chemicalSystem: reaction.chemicalSystem, prototype: "", elements: [], target: 0, qualifier: "recipe",
                          measurements: 1, spread: nil, flagged: false, sources: [], provenance: [reaction.provenance],
                          entryIds: [], split: "", innerFold: nil, attributeValues: nil)
        }
        let outcome = Splitter.split(proxies, spec: spec.split, seed: spec.seed)
        var split = reactions
        for index in split.indices { split[index].split = outcome.records[index].split }

        var byId: [Int: CurationInput] = [:]
        for input in inputs { byId[input.observationId] = input }
        var ledger: [DatasetBuild.LedgerLine] = []
        func line(_ id: Int, _ rule: String, _ ruleVersion: String, _ reason: String) {
            guard let input = byId[id] else { return }
            ledger.append(.init(source: input.sourceName, locator: input.locator, formulaAsWritten: input.formulaAsWritten,
                                canonicalKey: input.canonicalKey, value: nil, qualifier: input.qualifier, rule: rule,
                                ruleVersion: ruleVersion, reason: reason))
        }
        for exclusion in exclusions { line(exclusion.observationId, exclusion.rule, exclusion.ruleVersion, exclusion.reason) }
        for rejection in rejected { line(rejection.observationId, rejection.rule, DatasetBuilder.rulesVersion, rejection.reason) }
        for reaction in assembled {
            guard let flag = accepted[reaction.id] else { continue }
            let (source, locator) = reaction.provenance.firstIndex(of: ":").map { (String(reaction.provenance[..<$0]), String(reaction.provenance[reaction.provenance.index(after: $0)...])) } ?? (reaction.provenance, "")
            ledger.append(.init(source: source, locator: locator, formulaAsWritten: reaction.target, canonicalKey: reaction.targetKey, value: nil,
                                qualifier: "recipe", rule: "flag_accepted", ruleVersion: "review/1", reason: "flag \(flag.flagId) accepted: \(flag.note)"))
        }
        ledger += try DatasetBuilder.quarantineLines(sources, store: store)
        ledger.sort { ($0.source, $0.locator, $0.rule) < ($1.source, $1.locator, $1.rule) }

        var funnel = curationFunnel.filter { step in step.step == "input" || curationSpec.rules.contains { $0.rule == step.step } }
        var remaining = kept.count
        var counts: [String: Int] = [:]
        for rejection in rejected { counts[rejection.rule, default: 0] += 1 }
        counts["flag_accepted"] = assembled.count - reactions.count
        for rule in ["reaction_unreadable", "elemental_target", "precursor_not_stoichiometric", "organic_precursor",
                     "precursor_count", "duplicate_reaction", "flag_accepted"] {
            let removed = counts[rule] ?? 0
            remaining -= removed
            funnel.append(FunnelStep(step: rule, removed: removed, remaining: remaining))
        }
        return DatasetBuild(spec: spec, curationSpec: curationSpec, version: version, sources: sources,
                            storeContentSHA256: try store.contentHash(), inputsSHA256: DatasetBuilder.inputsHash(inputs),
                            inputCount: inputs.count, funnel: funnel, records: [], reactions: split, ledger: ledger,
                            splitNotes: outcome.notes)
    }
}
