import Foundation

/// One ranked review queue for every kind of finding: model residuals, rule findings and
/// curation flags, put on one scale so that a person reads the most surprising records first.
///
/// Each signal scores some records of a population (a model's z for every record, a rule's 1 for
/// the records it fires on). A raised score x is turned into its rarity within the population,
///
///     tail(x) = (records whose score is ≥ x) / (records in the population),
///     weight  = −log₁₀ tail(x),
///
/// so a finding shared by 1 record in 1,000 weighs 3 and one shared by 1 in 5 weighs 0.7,
/// whatever the signal's own units. A record's queue score is the sum of its weights (decades of
/// rarity; independent signals multiply their tails). A rule that fires on many clean records
/// therefore counts for little, and one that fires rarely counts for much, without hand-set
/// weights. Every entry keeps its contributions, largest first, with each signal's reason.
///
/// Rarity assumes a raised signal is always raised on an error. Where planted errors on a
/// held-out split are available, `QueueCalibration` replaces each signal's rarity by its
/// measured likelihood ratio (same scale: decades), so a signal that fires as often on clean
/// records as on corrupted ones weighs nothing.
public enum ReviewQueue {
    /// One signal over the population.
    public struct Signal: Sendable, Equatable {
        /// What raised it: `model:tc`, `rule:charge_neutrality`, `curation:spread`, …
        public var name: String
        /// Subject → raw score; only scores > 0 count as raised. Subjects outside the population are ignored.
        public var scores: [String: Double]
        /// Subject → why (shown with the contribution); optional.
        public var reasons: [String: String]

        public init(name: String, scores: [String: Double], reasons: [String: String] = [:]) {
            self.name = name
            self.scores = scores
            self.reasons = reasons
        }
    }

    /// One signal's part of an entry's score.
    public struct Contribution: Sendable, Equatable, Codable {
        public var signal: String
        /// The signal's own score.
        public var raw: Double
        /// Share of the population scored at least this high by the signal.
        public var tail: Double
        /// −log₁₀ tail, or the calibrated log₁₀ likelihood ratio.
        public var weight: Double
        public var reason: String
    }

    /// One queued record.
    public struct Entry: Sendable, Equatable, Codable {
        public var subject: String
        /// Sum of the contributions' weights.
        public var score: Double
        /// Largest weight first.
        public var contributions: [Contribution]
    }

    /// Ranks `population` (subject ids, each once) by the summed weights of `signals`; records no
    /// signal raises are left out. Highest score first, ties by subject id.
    public static func rank(population: [String], signals: [Signal], calibration: QueueCalibration? = nil) throws(ReviewError) -> [Entry] {
        guard !population.isEmpty else { throw .empty(what: "the review queue's population is empty") }
        let members = Set(population)
        guard members.count == population.count else {
            throw .invalidArgument(name: "population", reason: "\(population.count - members.count) duplicate subject id(s)")
        }
        let count = Double(population.count)
        var contributions: [String: [Contribution]] = [:]
        for signal in signals {
            let raised = signal.scores.filter { members.contains($0.key) && $0.value > 0 && !$0.value.isNaN }
            let descending = raised.values.sorted(by: >)
            for (subject, raw) in raised {
                let atLeast = atLeastCount(descending, raw)
                let tail = Double(atLeast) / count
                let weight = calibration?.weight(signal: signal.name, tail: tail) ?? -log10(tail)
                contributions[subject, default: []].append(Contribution(
                    signal: signal.name, raw: raw, tail: tail, weight: weight, reason: signal.reasons[subject] ?? ""))
            }
        }
        let entries = contributions.map { subject, parts in
            let ordered = parts.sorted { ($0.weight, $1.signal) > ($1.weight, $0.signal) }
            return Entry(subject: subject, score: ordered.reduce(0) { $0 + $1.weight }, contributions: ordered)
        }
        return entries.sorted { ($0.score, $1.subject) > ($1.score, $0.subject) }
    }

    /// How many of the descending `values` are ≥ `x` (binary search; `x` is one of them).
    static func atLeastCount(_ descending: [Double], _ x: Double) -> Int {
        var low = 0, high = descending.count
        while low < high {
            let middle = (low + high) / 2
            if descending[middle] >= x { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The queue restricted to some signals (an ablation: which signals earn their place).
    public static func rank(population: [String], signals: [Signal], keeping names: Set<String>,
                            calibration: QueueCalibration? = nil) throws(ReviewError) -> [Entry] {
        try rank(population: population, signals: signals.filter { names.contains($0.name) }, calibration: calibration)
    }
}
