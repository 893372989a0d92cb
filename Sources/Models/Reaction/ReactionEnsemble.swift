import Chemistry
import Foundation
import Learning

/// What the members of a reaction ensemble share: the pretrained action encoder, the precursor
/// descriptor standardisation and the null baseline, all fitted on the training reactions.
public struct ReactionShared: Sendable {
    /// The action-sequence encoder (frozen after pretraining).
    public let actionEncoder: ActionEncoder
    /// Descriptor standardisation (training-set statistics).
    public let standardisation: FeatureStandardisation
    /// The null baseline fitted on the training targets.
    public let baseline: NullBaseline
    /// How pretraining went (absent for hand-assembled ensembles).
    public var report: ReactionTrainingReport?

    /// Creates the shared part.
    public init(actionEncoder: ActionEncoder, standardisation: FeatureStandardisation, baseline: NullBaseline,
                report: ReactionTrainingReport? = nil) {
        self.actionEncoder = actionEncoder
        self.standardisation = standardisation
        self.baseline = baseline
        self.report = report
    }
}

/// W reaction-model members with what they share.
public typealias ReactionEnsemble = Ensemble<ReactionModel>

extension Ensemble where Model == ReactionModel {
    /// Creates an ensemble; every member must read the encoder's embedding and the descriptors.
    public init(members: [ReactionMember], actionEncoder: ActionEncoder, standardisation: FeatureStandardisation,
                baseline: NullBaseline, report: ReactionTrainingReport? = nil) throws(ModelsError) {
        try self.init(members: members, shared: ReactionShared(actionEncoder: actionEncoder, standardisation: standardisation,
                                                               baseline: baseline, report: report))
    }

    /// The action-sequence encoder (frozen after pretraining).
    public var actionEncoder: ActionEncoder { shared.actionEncoder }
    /// Descriptor standardisation (training-set statistics).
    public var standardisation: FeatureStandardisation { shared.standardisation }
    /// The null baseline fitted on the training targets.
    public var baseline: NullBaseline { shared.baseline }
    /// How pretraining went.
    public var report: ReactionTrainingReport? { shared.report }

    /// The predicted element set from masked probabilities: those ≥ `threshold`, else the most
    /// probable one (ties: the lighter element), ascending.
    public static func elementSet(_ probabilities: [Int: Double], threshold: Double = 0.5) -> [Int] {
        let chosen = probabilities.filter { $0.value >= threshold }.keys.sorted()
        if !chosen.isEmpty { return chosen }
        let top = probabilities.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
        return top.map { [$0.key] } ?? [8]
    }

    /// Ensemble predictions, in input order: the element set from the members' mean stage-1
    /// probabilities, each member's stage-2 fractions on that set, their mean and the spread.
    public func predict(_ samples: [ReactionSample], threshold: Double = 0.5) -> [ReactionPrediction] {
        let actionEmbeddings = actionEncoder.embed(samples.map(\.actions))
        let encodings = members.map { $0.encode(samples, actionEmbeddings: actionEmbeddings, standardisation: standardisation) }
        let w = Double(members.count)
        var sets: [[Int]] = [], embeddings: [[Float]] = []
        for r in samples.indices {
            var mean: [Int: Double] = [:]
            for member in encodings { for (z, p) in member[r].probabilities { mean[z, default: 0] += p / w } }
            sets.append(ReactionEnsemble.elementSet(mean, threshold: threshold))
            var embedding = [Float](repeating: 0, count: encodings[0][r].embedding.count)
            for member in encodings { for k in embedding.indices { embedding[k] += member[r].embedding[k] / Float(w) } }
            embeddings.append(embedding)
        }
        let memberFractions = zip(members, encodings).map { member, encoding in
            member.fractions(embeddings: encoding.map(\.embedding), elementSets: sets)
        }
        return samples.indices.map { r in
            var mean: [Int: Double] = [:]
            for fractions in memberFractions { for z in sets[r] { mean[z, default: 0] += (fractions[r][z] ?? 0) / w } }
            var trace = 0.0
            for z in sets[r] {
                trace += memberFractions.reduce(0) { $0 + (($1[r][z] ?? 0) - (mean[z] ?? 0)) * (($1[r][z] ?? 0) - (mean[z] ?? 0)) } / w
            }
            let sample = samples[r]
            let observed = sample.target.map { Dictionary(uniqueKeysWithValues: $0.map { ($0.z, $0.fraction) }) }
            return ReactionPrediction(
                id: sample.id, composition: sample.composition, doi: sample.doi, split: sample.split,
                precursors: sample.precursors, actions: sample.actions, predicted: ReactionPrediction.symbols(mean),
                observed: observed.map(ReactionPrediction.symbols), l1: observed.map { ReactionMetrics.l1(mean, $0) },
                elemd: observed.flatMap { ReactionMetrics.eleMD(mean, $0) }, uncertainty: trace.squareRoot(), embedding: embeddings[r])
        }
    }

    /// The model's and the null baseline's metrics on labelled `samples`, and the confidence–error curve.
    public func evaluate(_ samples: [ReactionSample], predictions: [ReactionPrediction]) -> ReactionEvaluation {
        let labelled = zip(samples, predictions).filter { $0.0.target != nil }
        func byZ(_ symbols: [String: Double]) -> [Int: Double] {
            Dictionary(uniqueKeysWithValues: symbols.compactMap { s, f in PeriodicTableLookup.z(s).map { ($0, f) } })
        }
        let observed = labelled.map { s, _ in Dictionary(uniqueKeysWithValues: (s.target ?? []).map { ($0.z, $0.fraction) }) }
        let predicted = labelled.map { byZ($0.1.predicted) }
        let baseline = labelled.map { self.baseline.predict($0.0) }
        return ReactionEvaluation(
            model: ReactionMetrics(predicted: predicted, observed: observed),
            nullBaseline: ReactionMetrics(predicted: baseline, observed: observed),
            confidenceCurve: ConfidenceCurvePoint.curve(errors: labelled.map { $0.1.l1 ?? 0 }, uncertainties: labelled.map { $0.1.uncertainty }))
    }
}

/// The model against the null baseline on one split.
public struct ReactionEvaluation: Codable, Sendable, Equatable {
    /// The ensemble's metrics.
    public let model: ReactionMetrics
    /// The null baseline's metrics on the same reactions.
    public let nullBaseline: ReactionMetrics
    /// Mean L1 as the most uncertain reactions are removed.
    public let confidenceCurve: [ConfidenceCurvePoint]
}

/// What happened before the members were trained: action-sequence truncation and the action
/// encoder's reconstruction accuracy on the training sequences.
public struct ReactionTrainingReport: Codable, Sendable, Equatable {
    /// Training reactions.
    public var trainReactions: Int
    /// Training action sequences longer than the encoder's maximum (truncated).
    public var truncatedSequences: Int
    /// Empty training action sequences (zero embedding).
    public var emptySequences: Int
    /// Greedy per-action reconstruction accuracy on the non-empty training sequences.
    public var reconstructionActionAccuracy: Double
    /// Share of non-empty training sequences reconstructed exactly.
    public var reconstructionSequenceAccuracy: Double
    /// Autoencoder pretraining epochs.
    public var encoderEpochs: Int
}

/// Symbol → atomic number.
enum PeriodicTableLookup {
    static func z(_ symbol: String) -> Int? { PeriodicTable.atomicNumber(symbol: symbol) }
}
