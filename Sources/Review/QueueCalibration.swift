import Foundation

/// Weights for the review queue learnt from planted errors on a held-out split: how many times
/// likelier each finding is on a corrupted record than on a clean one.
///
/// Rarity (`ReviewQueue`'s default weight) assumes a raised signal is always raised on an error;
/// a rule that fires as often on clean records as on corrupted ones (the curation's spread flag
/// against planted value errors) would still weigh as much as its rarity. Calibrated, a signal's
/// level L (a binary rule: raised; a graded score: its tail bin) weighs
///
///     w(L) = log₁₀ LR(L) − log₁₀ LR(not raised),   LR(L) = P(L | planted) / P(L | clean),
///
/// with ½ added to every count, so the queue score is the naive-Bayes log-odds of a record being
/// corrupted, up to a constant (one scale: decades of likelihood ratio). Fit it on a split the
/// queue is not scored on.
///
/// A graded signal's bin weights are made non-increasing in the tail (pool-adjacent-violators,
/// weighted by the records in each bin: a rarer score is never weaker evidence) and
/// interpolated linearly in log₁₀ tail between the bins' log-midpoints, so records keep their
/// order within a bin; beyond the outer midpoints the weight is held and rarity breaks ties.
public struct QueueCalibration: Sendable, Equatable, Codable {
    /// Upper tail bounds of a graded signal's levels (the last is 1).
    public static let tailEdges: [Double] = [0.005, 0.02, 0.05, 0.2, 1]

    /// One signal's weights.
    public struct Weights: Sendable, Equatable, Codable {
        public var signal: String
        /// All raised scores equal (a rule): one level; otherwise one weight per tail bin.
        public var binary: Bool
        /// Binary: one weight; graded: one per `QueueCalibration.tailEdges` bin.
        public var weights: [Double]
        /// Planted and clean records per level (binary: raised; graded: per bin), as fitted.
        public var plantedCounts: [Int]
        public var cleanCounts: [Int]
    }

    public var signals: [Weights]
    /// Planted and clean records the weights were fitted on.
    public var planted: Int
    public var clean: Int

    /// Fits weights on a population whose corrupted records are `planted`.
    public static func fit(population: [String], signals: [ReviewQueue.Signal], planted: Set<String>) throws(ReviewError) -> QueueCalibration {
        let members = Set(population)
        let plantedMembers = planted.intersection(members)
        guard !plantedMembers.isEmpty else { throw .empty(what: "no planted record in the calibration population") }
        let cleanCount = members.count - plantedMembers.count
        guard cleanCount > 0 else { throw .empty(what: "no clean record in the calibration population") }
        var fitted: [Weights] = []
        for signal in signals {
            let raised = signal.scores.filter { members.contains($0.key) && $0.value > 0 && !$0.value.isNaN }
            let binary = Set(raised.values).count <= 1
            let levels = binary ? 1 : tailEdges.count
            var plantedCounts = [Int](repeating: 0, count: levels), cleanCounts = [Int](repeating: 0, count: levels)
            let descending = raised.values.sorted(by: >)
            for (subject, raw) in raised {
                let level = binary ? 0 : bin(tail: Double(ReviewQueue.atLeastCount(descending, raw)) / Double(members.count))
                if plantedMembers.contains(subject) { plantedCounts[level] += 1 } else { cleanCounts[level] += 1 }
            }
            let plantedNot = plantedMembers.count - plantedCounts.reduce(0, +)
            let cleanNot = cleanCount - cleanCounts.reduce(0, +)
            let baseline = logRatio(plantedNot, cleanNot, planted: plantedMembers.count, clean: cleanCount)
            var weights = (0..<levels).map { logRatio(plantedCounts[$0], cleanCounts[$0], planted: plantedMembers.count, clean: cleanCount) - baseline }
            if !binary { weights = nonIncreasing(weights, counts: zip(plantedCounts, cleanCounts).map { $0 + $1 + 1 }) }
            fitted.append(Weights(signal: signal.name, binary: binary, weights: weights, plantedCounts: plantedCounts, cleanCounts: cleanCounts))
        }
        return QueueCalibration(signals: fitted, planted: plantedMembers.count, clean: cleanCount)
    }

    /// The weight of a raised score with `tail` for `signal`; nil when the signal was not fitted.
    public func weight(signal: String, tail: Double) -> Double? {
        guard let fitted = signals.first(where: { $0.signal == signal }) else { return nil }
        guard !fitted.binary else { return fitted.weights.first }
        let x = log10(max(tail, 1e-12))
        let centres = Self.binCentres
        let tieBreak = -x * 1e-6
        guard x > centres[0] else { return fitted.weights[0] + tieBreak }
        for index in 1..<centres.count where x <= centres[index] {
            let share = (x - centres[index - 1]) / (centres[index] - centres[index - 1])
            return fitted.weights[index - 1] + share * (fitted.weights[index] - fitted.weights[index - 1]) + tieBreak
        }
        return (fitted.weights.last ?? 0) + tieBreak
    }

    /// log₁₀ of each bin's midpoint (the first bin's lower end is taken as a decade below its edge).
    static let binCentres: [Double] = tailEdges.indices.map { index in
        let upper = log10(tailEdges[index])
        let lower = index == 0 ? upper - 1 : log10(tailEdges[index - 1])
        return (lower + upper) / 2
    }

    /// The weighted least-squares non-increasing fit of `values` (pool adjacent violators).
    static func nonIncreasing(_ values: [Double], counts: [Int]) -> [Double] {
        var blocks: [(value: Double, weight: Double, size: Int)] = []
        for (value, count) in zip(values, counts) {
            blocks.append((value, Double(max(count, 1)), 1))
            while blocks.count > 1, blocks[blocks.count - 2].value < blocks[blocks.count - 1].value {
                let last = blocks.removeLast(), previous = blocks.removeLast()
                let weight = last.weight + previous.weight
                blocks.append(((last.value * last.weight + previous.value * previous.weight) / weight, weight, last.size + previous.size))
            }
        }
        return blocks.flatMap { Array(repeating: $0.value, count: $0.size) }
    }

    /// The tail bin of a graded score.
    static func bin(tail: Double) -> Int {
        tailEdges.firstIndex { tail <= $0 } ?? tailEdges.count - 1
    }

    /// log₁₀ of (p + ½)/(P + 1) ÷ (c + ½)/(C + 1).
    static func logRatio(_ p: Int, _ c: Int, planted: Int, clean: Int) -> Double {
        log10((Double(p) + 0.5) / (Double(planted) + 1)) - log10((Double(c) + 0.5) / (Double(clean) + 1))
    }
}
