/// The review-queue signals of a reaction release: the reaction model's flag score
/// (`ReactionFlagScoring`) and the two element-balance rules (`ReactionElementBalance`).
public enum ReactionQueueSignals {
    /// The model signal's name.
    public static let modelSignal = "model:reaction"
    /// A balance rule's signal name.
    public static func ruleSignal(_ rule: String) -> String { "rule:\(rule)" }

    /// The signals for the reactions of `predictions`, with the balance findings of the release
    /// records they were predicted from (`audit`).
    public static func signals(predictions: [ReactionPredictionRecord], audit: ReactionBalanceAudit.Outcome,
                               options: ReactionFlagScoring.Options = .init()) throws(ReviewError) -> [ReviewQueue.Signal] {
        var model = ReviewQueue.Signal(name: modelSignal, scores: [:])
        for candidate in try ReactionFlagScoring.score(predictions, options: options) {
            model.scores[candidate.record.id] = candidate.score
            model.reasons[candidate.record.id] = "L1 \(rounded(candidate.error)) at uncertainty \(rounded(candidate.record.uncertainty)), "
                + "neighbour similarity \(rounded(candidate.meanNeighbourSimilarity))"
        }
        var rules: [String: ReviewQueue.Signal] = [:]
        for rule in [ReactionElementBalance.unsuppliedRule, ReactionElementBalance.lostRule] {
            rules[rule] = ReviewQueue.Signal(name: ruleSignal(rule), scores: [:])
        }
        for entry in audit.entries {
            for finding in entry.findings {
                rules[finding.rule]?.scores[entry.id] = 1
                rules[finding.rule]?.reasons[entry.id] = "\(finding.rule): \(finding.elements.joined(separator: ", "))"
            }
        }
        return [model] + [ReactionElementBalance.unsuppliedRule, ReactionElementBalance.lostRule].compactMap { rules[$0] }
    }

    private static func rounded(_ value: Double) -> String { String((value * 1000).rounded() / 1000) }
}
