import Foundation
import Store

/// Element-balance findings as reaction flags, so they enter the same review workflow as the
/// model's flags (`curate flags list|show|accept|reject`; accepted ones leave later releases).
public enum ReactionBalanceFlags {
    /// Version of the rules, recorded as the producer.
    public static let producerName = "rule:element_balance/1"

    /// Score of a finding: an element no precursor supplies is a near-certain recording error
    /// (1); a precursor element absent from the target is often an unrecorded dopant or a flux (0.5).
    public static func score(_ findings: [ReactionElementBalance.Finding]) -> Double {
        findings.contains { $0.rule == ReactionElementBalance.unsuppliedRule } ? 1 : 0.5
    }

    /// What a rule flag stores as its evidence.
    struct Evidence: Encodable {
        var formula = "element balance"
        var findings: [ReactionElementBalance.Finding]
    }

    /// One draft per entry whose findings include one of `rules`.
    public static func drafts(_ entries: [ReactionBalanceAudit.Entry], rules: Set<String>) throws(ReviewError) -> [FlagDraft] {
        var drafts: [FlagDraft] = []
        for entry in entries {
            let kept = entry.findings.filter { rules.contains($0.rule) }
            guard !kept.isEmpty else { continue }
            let provenance = try ReviewJSON.encode(ReactionProvenance(doi: entry.doi, split: entry.split, precursors: entry.precursors,
                                                                     actions: entry.actions, observed: nil))
            drafts.append(FlagDraft(kind: .reaction, subjectKey: entry.id, subjectLabel: entry.composition, provenanceJSON: provenance,
                                    score: score(kept), observedJSON: try ReviewJSON.encode(entry.target), predictedJSON: "{}",
                                    uncertainty: 0, evidenceJSON: try ReviewJSON.encode(Evidence(findings: kept))))
        }
        return drafts
    }
}
