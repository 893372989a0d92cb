import Chemistry

/// Scores of predicted target compositions against observed ones (fraction vectors keyed by
/// atomic number; a missing element is a zero entry).
///
/// - subset accuracy: the share of reactions whose predicted element set equals the observed set;
/// - weighted F1: per-element F1 of the multi-label element sets, averaged with weights equal to
///   each element's number of observed occurrences (scikit-learn's `average="weighted"`);
/// - mean L1 = Σ_e |p_e − o_e| and mean L2 = √Σ_e (p_e − o_e)² per reaction, averaged;
/// - mean EleMD (`ElementMoversDistance`, modified Pettifor scale) over reactions where it is defined;
/// - R² = 1 − Σ(p − o)² / Σ(o − ō)² over every (reaction, element) entry of the union of both sets.
public struct ReactionMetrics: Codable, Sendable, Equatable {
    /// Reactions scored.
    public let count: Int
    /// Exact element-set matches.
    public let subsetAccuracy: Double
    /// Support-weighted F1 over elements.
    public let weightedF1: Double
    /// Mean L1 distance of the fraction vectors.
    public let meanL1: Double
    /// Mean Euclidean distance of the fraction vectors.
    public let meanL2: Double
    /// Mean EleMD.
    public let meanEleMD: Double
    /// Coefficient of determination over the fraction entries.
    public let r2: Double

    /// Scores `predicted` against `observed` (same order, same length). Sums run over elements in
    /// atomic-number order, so the same inputs give the same bits in every process.
    public init(predicted: [[Int: Double]], observed: [[Int: Double]]) {
        count = predicted.count
        var subset = 0.0, l1 = 0.0, l2 = 0.0, emd = 0.0, emdCount = 0
        var truePositive: [Int: Double] = [:], falsePositive: [Int: Double] = [:], falseNegative: [Int: Double] = [:]
        var pairs: [(Double, Double)] = []
        for (p, o) in zip(predicted, observed) {
            let ps = Set(p.keys), os = Set(o.keys)
            if ps == os { subset += 1 }
            for z in ps.intersection(os) { truePositive[z, default: 0] += 1 }
            for z in ps.subtracting(os) { falsePositive[z, default: 0] += 1 }
            for z in os.subtracting(ps) { falseNegative[z, default: 0] += 1 }
            l1 += ReactionMetrics.l1(p, o)
            l2 += ReactionMetrics.l2(p, o)
            if let d = ReactionMetrics.eleMD(p, o) { emd += d; emdCount += 1 }
            for z in ps.union(os).sorted() { pairs.append((p[z] ?? 0, o[z] ?? 0)) }
        }
        var f1 = 0.0, support = 0.0
        for z in Set(truePositive.keys).union(falseNegative.keys).sorted() {
            let tp = truePositive[z] ?? 0, fp = falsePositive[z] ?? 0, fn = falseNegative[z] ?? 0
            let weight = tp + fn
            f1 += weight * (tp > 0 ? 2 * tp / (2 * tp + fp + fn) : 0)
            support += weight
        }
        let n = Double(max(count, 1))
        subsetAccuracy = subset / n
        weightedF1 = support > 0 ? f1 / support : 0
        meanL1 = l1 / n
        meanL2 = l2 / n
        meanEleMD = emdCount > 0 ? emd / Double(emdCount) : .nan
        let mean = pairs.reduce(0) { $0 + $1.1 } / Double(max(pairs.count, 1))
        let residual = pairs.reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let total = pairs.reduce(0) { $0 + ($1.1 - mean) * ($1.1 - mean) }
        r2 = total > 0 ? 1 - residual / total : .nan
    }

    /// Σ_e |p_e − o_e| over the union of elements.
    public static func l1(_ p: [Int: Double], _ o: [Int: Double]) -> Double {
        Set(p.keys).union(o.keys).sorted().reduce(0) { $0 + abs((p[$1] ?? 0) - (o[$1] ?? 0)) }
    }

    /// √Σ_e (p_e − o_e)² over the union of elements.
    public static func l2(_ p: [Int: Double], _ o: [Int: Double]) -> Double {
        Set(p.keys).union(o.keys).sorted().reduce(0) { $0 + ((p[$1] ?? 0) - (o[$1] ?? 0)) * ((p[$1] ?? 0) - (o[$1] ?? 0)) }.squareRoot()
    }

    /// EleMD between two fraction vectors, or `nil` when an element is off the Pettifor scale.
    public static func eleMD(_ p: [Int: Double], _ o: [Int: Double]) -> Double? {
        guard let a = composition(p), let b = composition(o) else { return nil }
        return try? ElementMoversDistance.distance(a, b)
    }

    /// A composition from fractions keyed by atomic number (positive entries only).
    static func composition(_ fractions: [Int: Double]) -> Composition? {
        let pairs = fractions.sorted { $0.key < $1.key }.compactMap { z, f in
            f > 0 ? PeriodicTable.element(z: z).map { ($0, f) } : nil
        }
        return pairs.isEmpty ? nil : try? Composition(pairs)
    }
}

/// Mean L1 as the most uncertain reactions are removed: one point per removed share.
public struct ConfidenceCurvePoint: Codable, Sendable, Equatable {
    /// Share of reactions removed (the most uncertain first).
    public let removed: Double
    /// Reactions kept.
    public let kept: Int
    /// Mean L1 of the kept reactions.
    public let meanL1: Double

    /// The curve at removed shares 0, 0.1, …, 0.9 (ties in uncertainty keep input order).
    public static func curve(errors: [Double], uncertainties: [Double], steps: Int = 10) -> [ConfidenceCurvePoint] {
        let order = errors.indices.sorted { uncertainties[$0] < uncertainties[$1] || (uncertainties[$0] == uncertainties[$1] && $0 < $1) }
        return (0..<steps).map { step in
            let removed = Double(step) / Double(steps)
            let kept = max(1, Int((Double(order.count) * (1 - removed)).rounded()))
            let rows = order.prefix(kept)
            let mean = rows.reduce(0) { $0 + errors[$1] } / Double(max(rows.count, 1))
            return ConfidenceCurvePoint(removed: removed, kept: rows.count, meanL1: mean)
        }
    }
}
