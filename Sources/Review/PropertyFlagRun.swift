import CurateIO
import Models
import Store

/// `curate flag properties`: predicts every stored measured observation of the model's property
/// with a Roost ensemble and records the observations that disagree as flags.
public enum PropertyFlagRun {
    /// What a run did.
    public struct Summary: Sendable, Equatable, Codable {
        public var property: String
        public var modelSHA256: String
        public var observations: Int
        public var scored: Int
        public var recording: FlagRecordingOutcome
        public var flags: [FlagLine]
    }

    /// One raised flag, as listed.
    public struct FlagLine: Sendable, Equatable, Codable {
        public var flagId: Int?
        public var observationId: Int
        public var formula: String
        public var source: String
        public var locator: String
        public var observed: Double
        public var predicted: Double
        public var totalStd: Double
        public var z: Double
    }

    /// Loads the ensemble at `modelDirectory`, predicts the observations of `property` (default:
    /// the target the ensemble was trained on) from `sources` (all when empty) and records flags.
    public static func run(modelDirectory: String, property: String?, sources: [String], store: CurateStore,
                           options: PropertyFlagging.Options = .init(), batchSize: Int = 4096,
                           progress: WorkProgress? = nil) throws -> Summary {
        progress?(WorkStage(index: 0, count: 4, label: "load the model"))
        let ensemble = try RoostEnsemble.load(from: modelDirectory)
        guard let property = property ?? ensemble.members.first?.metadata.target else {
            throw ReviewError.invalidArgument(name: "property", reason: "the model does not record its target; pass --property")
        }
        progress?(WorkStage(index: 1, count: 4, label: "read the observations"))
        let inputs = try store.curationInputs(property: property, sources: sources)
        let items = PropertyFlagging.scorable(inputs)
        guard !items.isEmpty else { throw ReviewError.empty(what: "no measured observation of \"\(property)\" in the store") }
        var predictions: [EnsemblePrediction] = []
        predictions.reserveCapacity(items.count)
        var start = 0
        while start < items.count {
            progress?(WorkStage(index: 2, count: 4, label: "predict \(items.count) observations", done: start, total: items.count))
            let end = min(start + max(1, batchSize), items.count)
            predictions += try ensemble.predict(elementAmounts: items[start..<end].map { PropertyFlagging.elementFractions($0.composition) })
            start = end
        }
        progress?(WorkStage(index: 3, count: 4, label: "score and record flags"))
        let candidates = try PropertyFlagging.candidates(items, predictions: predictions, options: options)
        let producer = FlagProducer(modelPath: modelDirectory, modelSHA256: try DirectoryHash.sha256(path: modelDirectory),
                                    inputSHA256: try store.contentHash())
        let drafts = try candidates.map { candidate throws(ReviewError) in try PropertyFlagging.draft(candidate, property: property) }
        let outcome = try store.recordFlags(drafts, producer: producer)
        let lines = zip(candidates, outcome.flagIds).map { candidate, flagId in
            FlagLine(flagId: flagId, observationId: candidate.input.observationId, formula: candidate.input.reducedFormula,
                     source: candidate.input.sourceName, locator: candidate.input.locator, observed: candidate.observed,
                     predicted: candidate.prediction.mean, totalStd: candidate.prediction.totalStandardDeviation,
                     z: candidate.z.isFinite ? candidate.z : .greatestFiniteMagnitude)
        }
        return Summary(property: property, modelSHA256: producer.modelSHA256, observations: inputs.count, scored: items.count,
                       recording: outcome, flags: lines)
    }
}
