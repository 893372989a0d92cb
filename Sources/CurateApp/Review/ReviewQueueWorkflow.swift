import Chemistry
import Foundation
import Models
import Review

/// `curate flags queue`: one ranked review queue over a release's records, merging the model's
/// disagreement with the rule findings and curation flags (`ReviewQueue`), and, given a planted
/// answer key, precision at k for the whole queue and for every signal left out in turn.
public enum ReviewQueueWorkflow {
    /// Where the model's view of the records comes from.
    public enum Evidence: Sendable, Equatable {
        /// A property release (SuperCon Tc, formation energy, …) predicted by the Roost ensemble at this directory.
        case roost(model: String)
        /// A reaction release and `curate predict reaction --json` predictions of it.
        case reactionPredictions(file: String)
    }

    /// What to queue.
    public struct Request: Sendable, Equatable {
        /// Release directory (or its records.jsonl), planted or not.
        public var release: String
        public var evidence: Evidence
        /// Answer key of `curate flags plant` to score the queue against.
        public var key: String?
        /// The split queued.
        public var split = "test"
        /// Entries listed in the summary.
        public var top = 20
        /// Reaction model score with the neighbour-similarity term (the thesis' form). Off by
        /// default: on planted errors it does not measurably improve the queue (README).
        public var similarityTerm = false
        /// Property releases: the split whose records get planted errors to calibrate the queue's
        /// weights (`QueueCalibration`); a split without measured records keeps rarity weights.
        /// Reaction releases plant in the queued split's targets instead (any non-nil value).
        /// nil keeps rarity weights.
        public var calibrationSplit: String? = "validation"
        /// Seed of the calibration's planted errors.
        public var calibrationSeed: UInt64 = 7919

        public init(release: String, evidence: Evidence) {
            self.release = release
            self.evidence = evidence
        }
    }

    /// How often a signal was raised.
    public struct SignalCount: Sendable, Equatable, Codable {
        public var signal: String
        public var raised: Int
    }

    /// One listed queue entry, with the record's label.
    public struct Listed: Sendable, Equatable, Codable {
        public var rank: Int
        public var subject: String
        public var label: String
        public var score: Double
        public var contributions: [ReviewQueue.Contribution]
    }

    /// Precision at k for one set of signals.
    public struct Ablation: Sendable, Equatable, Codable {
        /// `all`, `only <signal>`, `without <signal>`, `all, reaction score without similarity`.
        public var signals: String
        public var report: PlantedScoring.Report
    }

    /// What `curate flags queue` prints.
    public struct Summary: Sendable, Equatable, Codable {
        /// `property` or `reaction`.
        public var kind: String
        public var split: String
        /// Records of the split the queue ranks.
        public var population: Int
        /// Records some signal raised.
        public var queued: Int
        public var signals: [SignalCount]
        public var top: [Listed]
        /// How signals are weighed: `rarity`, or `likelihood ratio (…)` with the calibration.
        public var weighting: String
        public var calibration: QueueCalibration?
        /// With a key: the full queue first, then ablations.
        public var planted: [Ablation]?
    }

    /// A queue's inputs: the population, labels, signals and (when fitted) the calibration.
    struct Built {
        var kind: String
        var population: [String]
        var labels: [String: String]
        var signals: [ReviewQueue.Signal]
        var calibration: QueueCalibration?
        var weighting = "rarity"
    }

    /// Builds the queue and, with a key, scores it.
    public static func run(_ request: Request) throws -> Summary {
        let records = try ReactionRecordsFile(release: request.release)
        let built: Built
        switch request.evidence {
        case .roost(let model):
            built = try propertySignals(records, model: model, request: request)
        case .reactionPredictions(let file):
            built = try reactionSignals(records, predictions: file, split: request.split, similarityTerm: request.similarityTerm,
                                        calibrationSeed: request.calibrationSplit == nil ? nil : request.calibrationSeed)
        }
        let queue = try step { try ReviewQueue.rank(population: built.population, signals: built.signals, calibration: built.calibration) }
        let listed = queue.prefix(max(0, request.top)).enumerated().map { offset, entry in
            Listed(rank: offset + 1, subject: entry.subject, label: built.labels[entry.subject] ?? "", score: entry.score,
                   contributions: entry.contributions)
        }
        let members = Set(built.population)
        let counts = built.signals.map { signal in
            SignalCount(signal: signal.name, raised: signal.scores.filter { members.contains($0.key) && $0.value > 0 }.count)
        }
        var planted: [Ablation]?
        if let key = request.key {
            let plants = try step { try PlantedErrors.parseKey(try readText(key), path: key) }
            var ablations = try ablations(built, plants: plants)
            if built.calibration != nil {
                let rarity = try step { try ReviewQueue.rank(population: built.population, signals: built.signals) }
                ablations.append(Ablation(signals: "all, rarity weights (not calibrated)",
                                          report: try step { try PlantedScoring.report(ranked: ordered(rarity, built.population), key: plants) }))
            }
            if case .reactionPredictions(let file) = request.evidence {
                let other = try reactionSignals(records, predictions: file, split: request.split, similarityTerm: !request.similarityTerm,
                                                calibrationSeed: request.calibrationSplit == nil ? nil : request.calibrationSeed)
                let ranking = try step {
                    try ReviewQueue.rank(population: other.population, signals: other.signals, calibration: other.calibration)
                }
                ablations.append(Ablation(signals: "all, reaction score \(request.similarityTerm ? "without" : "with") similarity",
                                          report: try step { try PlantedScoring.report(ranked: ordered(ranking, other.population), key: plants) }))
            }
            planted = ablations
        }
        return Summary(kind: built.kind, split: request.split, population: built.population.count, queued: queue.count,
                       signals: counts, top: listed, weighting: built.weighting, calibration: built.calibration, planted: planted)
    }

    /// The queue's subjects, then the rest of the population by id (records no signal raised).
    static func ordered(_ queue: [ReviewQueue.Entry], _ population: [String]) -> [String] {
        let queued = queue.map(\.subject)
        let seen = Set(queued)
        return queued + population.filter { !seen.contains($0) }.sorted()
    }

    /// Precision at k for all signals, each signal alone and each left out.
    static func ablations(_ built: Built, plants: [PlantedErrors.Plant]) throws -> [Ablation] {
        let names = built.signals.map(\.name)
        var sets: [(String, Set<String>)] = [("all", Set(names))]
        for name in names {
            sets.append(("only \(name)", [name]))
            if names.count > 1 { sets.append(("without \(name)", Set(names).subtracting([name]))) }
        }
        return try sets.map { label, kept in
            let queue = try step {
                try ReviewQueue.rank(population: built.population, signals: built.signals, keeping: kept, calibration: built.calibration)
            }
            return Ablation(signals: label, report: try step { try PlantedScoring.report(ranked: ordered(queue, built.population), key: plants) })
        }
    }

    /// Roost predictions of the split's records and the property signals; with a calibration
    /// split, errors planted there (never in the queued split) fit the weights.
    static func propertySignals(_ records: ReactionRecordsFile, model: String, request: Request) throws -> Built {
        let all = try step { try PropertyQueueSignals.records(records.text, path: records.path) }
        let chosen = all.filter { $0.split == request.split }
        guard !chosen.isEmpty else { throw WorkflowError("\(records.path) has no \(request.split) records") }
        let ensemble = try step { try RoostEnsemble.load(from: model) }
        let manifest = ReleaseManifestRules(recordsPath: records.path)
        guard let property = ensemble.members.first?.metadata.target ?? manifest.property else {
            throw WorkflowError("neither the model nor the release names the property")
        }
        let signals = try step {
            try PropertyQueueSignals.signals(chosen, predictions: try predict(chosen, ensemble), property: property, range: manifest.valueRange)
        }
        let labels = Dictionary(chosen.map { ($0.id, "\($0.composition) \($0.target.map { String($0) } ?? "") \($0.qualifier)") },
                                uniquingKeysWith: { first, _ in first })
        var built = Built(kind: "property", population: chosen.map(\.id), labels: labels, signals: signals)
        if let split = request.calibrationSplit, split != request.split,
           all.contains(where: { $0.split == split && ["exact", "aggregate"].contains($0.qualifier) }) {
            let planted = try step {
                try PlantedPropertyErrors.plant(records.text, path: records.path, fraction: 0.05, seed: request.calibrationSeed, split: split)
            }
            let held = try step { try PropertyQueueSignals.records(planted.recordsText, path: records.path) }.filter { $0.split == split }
            let heldSignals = try step {
                try PropertyQueueSignals.signals(held, predictions: try predict(held, ensemble), property: property, range: manifest.valueRange)
            }
            built.calibration = try step {
                try QueueCalibration.fit(population: held.map(\.id), signals: heldSignals, planted: Set(planted.key.map(\.id)))
            }
            built.weighting = "likelihood ratio from \(planted.key.count) errors planted in the \(split) split (seed \(request.calibrationSeed))"
        }
        return built
    }

    /// Ensemble predictions of the records whose composition reads (nil for the others), in batches.
    static func predict(_ records: [PropertyQueueSignals.Record], _ ensemble: RoostEnsemble) throws -> [EnsemblePrediction?] {
        var predictions = [EnsemblePrediction?](repeating: nil, count: records.count)
        var readable: [(position: Int, amounts: [(z: Int, amount: Double)])] = []
        for (position, record) in records.enumerated() {
            guard let composition = try? Composition(formula: record.composition) else { continue }
            readable.append((position, PropertyFlagging.elementFractions(composition)))
        }
        var start = 0
        while start < readable.count {
            let end = min(start + 4096, readable.count)
            let batch = try step { try ensemble.predict(elementAmounts: readable[start..<end].map(\.amounts)) }
            for (item, prediction) in zip(readable[start..<end], batch) { predictions[item.position] = prediction }
            start = end
        }
        return predictions
    }

    /// The reaction model's scores and the balance rules over the split's labelled reactions.
    ///
    /// Calibration: the reaction model predicts from precursors and actions only, so errors
    /// planted in the targets of the split's own records (a different seed; the answer key is
    /// never read) change the observed side alone. Their signals, beside the untouched records',
    /// fit the weights without another prediction.
    static func reactionSignals(_ records: ReactionRecordsFile, predictions file: String, split: String, similarityTerm: Bool,
                                calibrationSeed: UInt64? = nil) throws -> Built {
        let predictions = try step { try ReactionPredictionFile.load(path: file) }
        var built = try reactionSignals(text: records.text, path: records.path, predictions: predictions, file: file, split: split,
                                        similarityTerm: similarityTerm)
        guard let seed = calibrationSeed else { return built }
        let planted = try step { try PlantedErrors.plant(records.text, path: records.path, fraction: 0.05, seed: seed, split: split) }
        let targets = try step { try ReactionBalanceAudit.targets(planted.recordsText, path: records.path) }
        let changed = Set(planted.key.map(\.id))
        let corrupted = predictions.map { record -> ReactionPredictionRecord in
            guard changed.contains(record.id), let target = targets[record.id] else { return record }
            var copy = record
            copy.composition = target.composition
            copy.observed = target.fractions
            copy.l1 = L1Distance.between(record.predicted, target.fractions)
            copy.elemd = nil
            return copy
        }
        let simulated = try reactionSignals(text: planted.recordsText, path: records.path, predictions: corrupted, file: file, split: split,
                                            similarityTerm: similarityTerm)
        built.calibration = try step {
            try QueueCalibration.fit(population: simulated.population, signals: simulated.signals, planted: changed)
        }
        built.weighting = "likelihood ratio from \(planted.key.count) errors planted in the targets of the \(split) split itself (seed \(seed))"
        return built
    }

    /// The signals of one set of records and predictions.
    static func reactionSignals(text: String, path: String, predictions: [ReactionPredictionRecord], file: String, split: String,
                                similarityTerm: Bool) throws -> Built {
        let audit = try step { try ReactionBalanceAudit.audit(text, path: path) }
        let signals = try step {
            try ReactionQueueSignals.signals(predictions: predictions, audit: audit, options: .init(similarityTerm: similarityTerm))
        }
        let chosen = predictions.filter { $0.split == split && $0.error != nil }
        guard !chosen.isEmpty else { throw WorkflowError("\(file) has no labelled \(split) reactions") }
        let labels = Dictionary(chosen.map { ($0.id, "\($0.composition) from \($0.precursors.joined(separator: " + "))") },
                                uniquingKeysWith: { first, _ in first })
        return Built(kind: "reaction", population: chosen.map(\.id), labels: labels, signals: signals)
    }
}
