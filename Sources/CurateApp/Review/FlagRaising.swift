import CurateIO
import Foundation
import Models
import Review
import Store

/// Raising review flags from a model: `curate flag reactions` and `curate flag properties`.
public enum FlagRaising {
    /// Where the reaction predictions come from.
    public enum ReactionInput: Sendable, Equatable {
        /// A JSON-lines predictions file (`curate predict reaction --json`), optionally with the
        /// model directory recorded as its producer.
        case predictions(file: String, model: String?)
        /// The reaction ensemble at `model` predicts every reaction of the release `data` in this process.
        case model(directory: String, data: String)
    }

    /// Scores the reactions of `input` and stores every embedding and the top flags in `storePath`.
    public static func reactions(_ input: ReactionInput, storePath: String, options: ReactionFlagging.Options = .init(),
                                 progress: WorkProgress? = nil) throws -> ReactionFlagging.Summary {
        let records: [ReactionPredictionRecord]
        let inputSHA256: String
        let model: String?
        switch input {
        case .predictions(let file, let modelPath):
            progress?(WorkStage(index: 0, count: 2, label: "read the predictions", file: file))
            records = try step { try ReactionPredictionFile.load(path: file) }
            inputSHA256 = try step { try DirectoryHash.fileSHA256(file) }
            model = modelPath
        case .model(let directory, let data):
            progress?(WorkStage(index: 0, count: 2, label: "predict the reactions of \(data)"))
            records = try predictInProcess(model: directory, data: data)
            inputSHA256 = try step { try DirectoryHash.fileSHA256(ReactionDataset.recordsFile(data)) }
            model = directory
        }
        let modelSHA256 = try model.map { path in try step { try DirectoryHash.sha256(path: path) } } ?? ""
        let producer = FlagProducer(modelPath: model ?? "", modelSHA256: modelSHA256, inputSHA256: inputSHA256)
        let store = try StoreOpening.open(storePath)
        progress?(WorkStage(index: 1, count: 2, label: "score \(records.count) reactions and record flags"))
        return try step { try ReactionFlagging.run(records, producer: producer, store: store, options: options) }
    }

    /// Predicts every reaction of `data` with the reaction ensemble at `model`, as prediction records.
    static func predictInProcess(model: String, data: String) throws -> [ReactionPredictionRecord] {
        let ensemble = try step { try ReactionEnsemble.load(from: model) }
        let samples = try step { try ReactionDataset.load(path: data, split: nil) }
        return ensemble.predict(samples).map { p in
            ReactionPredictionRecord(id: p.id, composition: p.composition, doi: p.doi, split: p.split, precursors: p.precursors,
                                     actions: p.actions, predicted: p.predicted, observed: p.observed, l1: p.l1, elemd: p.elemd,
                                     uncertainty: p.uncertainty, embedding: p.embedding)
        }
    }

    /// Predicts the stored measured values of `property` (default: the model's target) from
    /// `sources` (all when empty) with the Roost ensemble at `model` and flags those that disagree.
    public static func properties(model: String, property: String? = nil, sources: [String] = [], storePath: String,
                                  options: PropertyFlagging.Options = .init(), progress: WorkProgress? = nil) throws -> PropertyFlagRun.Summary {
        let store = try StoreOpening.open(storePath)
        return try step {
            try PropertyFlagRun.run(modelDirectory: model, property: property, sources: sources, store: store, options: options, progress: progress)
        }
    }
}
