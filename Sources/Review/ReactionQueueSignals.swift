import Chemistry

/// The review-queue signals of a reaction release: the reaction model's flag score
/// (`ReactionFlagScoring`), the two element-balance rules (`ReactionElementBalance`) and charge
/// neutrality of the recorded target (`ChargeNeutrality`: a subscript read ×3 or an element lost
/// from an oxide usually leaves no neutral assignment of oxidation states).
public enum ReactionQueueSignals {
    /// The charge rule's signal name.
    public static let chargeSignal = "rule:charge_neutrality"
    /// The model signal's name.
    public static let modelSignal = "model:reaction"
    /// A balance rule's signal name.
    public static func ruleSignal(_ rule: String) -> String { "rule:\(rule)" }

    /// The signals for the reactions of `predictions`, with the balance findings of the release
    /// records they were predicted from (`audit`).
    public static func signals(predictions: [ReactionPredictionRecord], audit: ReactionBalanceAudit.Outcome,
                               options: ReactionFlagScoring.Options = .init()) throws(ReviewError) -> [ReviewQueue.Signal] {
        var model = ReviewQueue.Signal(name: modelSignal, scores: [:])
        if options.similarityTerm {
            for candidate in try ReactionFlagScoring.score(predictions, options: options) {
                model.scores[candidate.record.id] = candidate.score
                model.reasons[candidate.record.id] = "L1 \(rounded(candidate.error)) at uncertainty \(rounded(candidate.record.uncertainty)), "
                    + "neighbour similarity \(rounded(candidate.meanNeighbourSimilarity))"
            }
        } else {
            model.scores = ReactionFlagScoring.errorInUncertainties(predictions)
            for record in predictions {
                guard let error = record.error else { continue }
                model.reasons[record.id] = "L1 \(rounded(error)) at uncertainty \(rounded(record.uncertainty))"
            }
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
        var charge = ReviewQueue.Signal(name: chargeSignal, scores: [:])
        for record in predictions {
            guard let composition = try? Composition(formula: record.composition),
                  case .impossible(let low, let high) = ChargeNeutrality.check(composition) else { continue }
            charge.scores[record.id] = 1
            charge.reasons[record.id] = "no charge-neutral assignment of ICSD oxidation states to \(record.composition): total \(rounded(low))…\(rounded(high))"
        }
        return [model] + [ReactionElementBalance.unsuppliedRule, ReactionElementBalance.lostRule].compactMap { rules[$0] } + [charge]
    }

    private static func rounded(_ value: Double) -> String { String((value * 1000).rounded() / 1000) }
}
