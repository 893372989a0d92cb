import Foundation
import Learning

/// `ensemble.json` of a reaction model directory.
public struct ReactionEnsembleManifest: Codable, Sendable, Equatable {
    /// Always `curate-reaction-ensemble`.
    public var format: String
    /// Layout version of the directory.
    public var formatVersion: Int
    /// Member sub-directories, in order.
    public var members: [String]
    /// The action encoder's sizes; its weights are `action-encoder.safetensors`.
    public var actionEncoder: ActionEncoderConfig
    /// Descriptor standardisation fitted on the training reactions.
    public var standardisation: FeatureStandardisation
    /// The null baseline fitted on the training reactions.
    public var nullBaseline: NullBaseline
    /// Pretraining report, when known.
    public var report: ReactionTrainingReport?
    /// The `curate` version that wrote the directory.
    public var toolVersion: String
}

/// A reaction member's `config.json`.
public struct ReactionMemberConfigFile: Codable, Sendable, Equatable {
    /// Always `curate-reaction-member`.
    public var format: String
    /// The architecture.
    public var reaction: ReactionConfig
    /// How the member was trained.
    public var training: TrainingMetadata
}

/// Saving and loading reaction model directories:
///
///     OUT/ensemble.json                 ReactionEnsembleManifest
///     OUT/action-encoder.safetensors    the LSTM autoencoder
///     OUT/member-k/weights.safetensors
///     OUT/member-k/config.json          ReactionMemberConfigFile
///     OUT/member-k/log.csv              per-epoch losses (when trained in this run)
extension ReactionEnsemble {
    /// Writes the ensemble to `directory` (created if needed; existing files are replaced).
    public func save(to directory: String, toolVersion: String) throws(ModelsError) {
        let root = URL(fileURLWithPath: directory)
        do {
            let encoder = MemberFolder.encoder
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try SafeTensors.write(actionEncoder.parameters.tensors, metadata: ["format": "pt", "model": "reaction-action-encoder"],
                                  to: root.appendingPathComponent("action-encoder.safetensors"))
            var names: [String] = []
            for (k, member) in members.enumerated() {
                let config = ReactionMemberConfigFile(format: "curate-reaction-member", reaction: member.model.config, training: member.metadata)
                names.append(try MemberFolder.write(index: k, model: "reaction", parameters: member.model.parameters, config: config,
                                                    log: member.history.isEmpty ? nil : ReactionEpochRecord.csv(member.history), under: root))
            }
            let manifest = ReactionEnsembleManifest(
                format: "curate-reaction-ensemble", formatVersion: 1, members: names, actionEncoder: actionEncoder.config,
                standardisation: standardisation, nullBaseline: baseline, report: report, toolVersion: toolVersion)
            try encoder.encode(manifest).write(to: root.appendingPathComponent("ensemble.json"), options: .atomic)
        } catch let error as ModelsError {
            throw error
        } catch {
            throw .unreadable(path: directory, reason: "cannot write model: \(error)")
        }
    }

    /// Reads a directory written by `save`, checking every weight file against its configuration.
    public static func load(from directory: String) throws(ModelsError) -> ReactionEnsemble {
        let root = URL(fileURLWithPath: directory)
        func tensors(_ url: URL, _ label: String) throws(ModelsError) -> Parameters {
            try MemberFolder.readWeights(url, directory: directory, label: label)
        }
        let manifest = try MemberFolder.readJSON(ReactionEnsembleManifest.self, root.appendingPathComponent("ensemble.json"), directory: directory)
        guard manifest.format == "curate-reaction-ensemble" else {
            throw .invalidModel(path: directory, reason: "ensemble.json has format \"\(manifest.format)\", not a reaction ensemble")
        }
        let encoder: ActionEncoder
        do {
            encoder = try ActionEncoder(config: manifest.actionEncoder,
                                        parameters: try tensors(root.appendingPathComponent("action-encoder.safetensors"), "action-encoder.safetensors"))
        } catch {
            throw .invalidModel(path: directory, reason: "action-encoder.safetensors: \(error)")
        }
        var members: [ReactionMember] = []
        for name in manifest.members {
            let (config, parameters) = try MemberFolder.read(ReactionMemberConfigFile.self, name: name, under: root, directory: directory)
            let model: ReactionModel
            do {
                model = try ReactionModel(config: config.reaction, parameters: parameters)
            } catch {
                throw .invalidModel(path: directory, reason: "\(name): \(error)")
            }
            members.append(ReactionMember(model: model, metadata: config.training))
        }
        do {
            return try ReactionEnsemble(members: members, actionEncoder: encoder, standardisation: manifest.standardisation,
                                        baseline: manifest.nullBaseline, report: manifest.report)
        } catch {
            throw .invalidModel(path: directory, reason: error.description)
        }
    }
}
