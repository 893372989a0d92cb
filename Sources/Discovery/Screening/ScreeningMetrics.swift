/// Classification metrics of a screening campaign (SCIENCE.md §5): the confusion counts and
/// the discovery metrics derived from them.
///
/// Positives are the truly stable materials (`TriageRule.isStable`); the selected ones are those
/// the rule picks. A ratio whose denominator is zero is `nil` (undefined), never 0.
public struct ScreeningMetrics: Sendable, Hashable, Codable {
    /// Selected and stable.
    public let truePositives: Int
    /// Selected but not stable.
    public let falsePositives: Int
    /// Not selected and not stable.
    public let trueNegatives: Int
    /// Not selected but stable.
    public let falseNegatives: Int

    /// Counts the outcomes of `rule` over `samples`.
    public init(samples: [ScreeningSample], rule: TriageRule) {
        var tp = 0, fp = 0, tn = 0, fn = 0
        for sample in samples {
            let stable = rule.isStable(trueEnergyAboveHull: sample.trueEnergyAboveHull)
            let selected = rule.selects(predicted: sample.predictedEnergyAboveHull, standardDeviation: sample.standardDeviation)
            switch (selected, stable) {
            case (true, true): tp += 1
            case (true, false): fp += 1
            case (false, false): tn += 1
            case (false, true): fn += 1
            }
        }
        self.init(truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn)
    }

    /// Creates metrics from counts.
    public init(truePositives: Int, falsePositives: Int, trueNegatives: Int, falseNegatives: Int) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
        self.falseNegatives = falseNegatives
    }

    /// Number of samples.
    public var total: Int { truePositives + falsePositives + trueNegatives + falseNegatives }
    /// Number selected by the rule.
    public var selected: Int { truePositives + falsePositives }
    /// Number truly stable.
    public var positives: Int { truePositives + falseNegatives }

    /// TP / (TP + FP): the share of selected candidates that are stable (PPV).
    public var precision: Double? { ratio(truePositives, selected) }
    /// TP / (TP + FN): the share of stable materials that are selected (TPR).
    public var recall: Double? { ratio(truePositives, positives) }
    /// (TP + FN) / total: the share of stable materials, the precision of a random pick.
    public var prevalence: Double? { ratio(positives, total) }
    /// Precision / prevalence: the enrichment factor over random selection (discovery
    /// acceleration factor, DAF).
    public var enrichment: Double? {
        guard let precision, let prevalence, prevalence > 0 else { return nil }
        return precision / prevalence
    }
    /// 2 · precision · recall / (precision + recall), i.e. 2TP / (2TP + FP + FN).
    public var f1: Double? { ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }
    /// (TP + TN) / total.
    public var accuracy: Double? { ratio(truePositives + trueNegatives, total) }

    private func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

    enum CodingKeys: String, CodingKey {
        case truePositives = "tp", falsePositives = "fp", trueNegatives = "tn", falseNegatives = "fn"
        case precision, recall, prevalence, enrichment, f1, accuracy, total
    }

    /// Encodes the counts and every derived metric (`null` when undefined).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(truePositives, forKey: .truePositives)
        try c.encode(falsePositives, forKey: .falsePositives)
        try c.encode(trueNegatives, forKey: .trueNegatives)
        try c.encode(falseNegatives, forKey: .falseNegatives)
        try c.encode(total, forKey: .total)
        try c.encode(precision, forKey: .precision)
        try c.encode(recall, forKey: .recall)
        try c.encode(prevalence, forKey: .prevalence)
        try c.encode(enrichment, forKey: .enrichment)
        try c.encode(f1, forKey: .f1)
        try c.encode(accuracy, forKey: .accuracy)
    }

    /// Decodes the counts (derived metrics are recomputed).
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(truePositives: try c.decode(Int.self, forKey: .truePositives),
                  falsePositives: try c.decode(Int.self, forKey: .falsePositives),
                  trueNegatives: try c.decode(Int.self, forKey: .trueNegatives),
                  falseNegatives: try c.decode(Int.self, forKey: .falseNegatives))
    }
}
