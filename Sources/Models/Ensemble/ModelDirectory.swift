import Foundation
import Learning

/// `ensemble.json`: the index of a saved model directory.
public struct EnsembleManifest: Codable, Sendable, Equatable {
    /// Always `curate-roost-ensemble`.
    public var format: String
    /// Layout version of the directory.
    public var formatVersion: Int
    /// Member sub-directories, in order (`member-0`, …).
    public var members: [String]
    /// Name of the element embedding.
    public var embedding: String
    /// The embedding file inside the directory.
    public var embeddingFile: String
    /// The `curate` version that wrote the directory.
    public var toolVersion: String
}

/// A member's `config.json`: architecture, target normalisation, embedding and provenance.
public struct MemberConfigFile: Codable, Sendable, Equatable {
    /// Always `curate-roost-member`.
    public var format: String
    /// The architecture.
    public var roost: RoostConfig
    /// Target standardisation; predictions are μ·std + mean.
    public var normalisation: TargetNormalisation
    /// Name of the element embedding.
    public var embedding: String
    /// How the member was trained.
    public var training: TrainingMetadata
}

/// Saving and loading model directories:
///
///     OUT/ensemble.json            EnsembleManifest
///     OUT/embedding.json           the element embedding (symbol → vector)
///     OUT/member-k/weights.safetensors
///     OUT/member-k/config.json     MemberConfigFile
///     OUT/member-k/log.csv         per-epoch losses (when trained in this run)
extension RoostEnsemble {
    /// Writes the ensemble to `directory` (created if needed; existing files are replaced).
    public func save(to directory: String, toolVersion: String) throws(ModelsError) {
        let root = URL(fileURLWithPath: directory)
        do {
            let encoder = MemberFolder.encoder
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try embedding.jsonData().write(to: root.appendingPathComponent("embedding.json"), options: .atomic)
            var names: [String] = []
            for (k, member) in members.enumerated() {
                let config = MemberConfigFile(format: "curate-roost-member", roost: member.model.config,
                                              normalisation: member.normalisation, embedding: embedding.name,
                                              training: member.metadata)
                names.append(try MemberFolder.write(index: k, model: "roost", parameters: member.model.parameters, config: config,
                                                    log: member.history.isEmpty ? nil : TrainingLog.csv(member.history), under: root))
            }
            let manifest = EnsembleManifest(format: "curate-roost-ensemble", formatVersion: 1, members: names,
                                            embedding: embedding.name, embeddingFile: "embedding.json",
                                            toolVersion: toolVersion)
            try encoder.encode(manifest).write(to: root.appendingPathComponent("ensemble.json"), options: .atomic)
        } catch let error as ModelsError {
            throw error
        } catch {
            throw .unreadable(path: directory, reason: "cannot write model: \(error)")
        }
    }

    /// Reads a directory written by `save`, checking every member's weights against its config.
    public static func load(from directory: String) throws(ModelsError) -> RoostEnsemble {
        let root = URL(fileURLWithPath: directory)
        let manifest = try MemberFolder.readJSON(EnsembleManifest.self, root.appendingPathComponent("ensemble.json"), directory: directory)
        guard manifest.format == "curate-roost-ensemble" else {
            throw .invalidModel(path: directory, reason: "ensemble.json has format \"\(manifest.format)\"")
        }
        let embedding = try ElementEmbedding.load(path: root.appendingPathComponent(manifest.embeddingFile).path,
                                                  name: manifest.embedding)
        var members: [RoostMember] = []
        for name in manifest.members {
            let (config, parameters) = try MemberFolder.read(MemberConfigFile.self, name: name, under: root, directory: directory)
            let model: RoostModel
            do {
                model = try RoostModel(config: config.roost, parameters: parameters)
            } catch {
                throw .invalidModel(path: directory, reason: "\(name): \(error)")
            }
            members.append(RoostMember(model: model, normalisation: config.normalisation, metadata: config.training))
        }
        do {
            return try RoostEnsemble(members: members, embedding: embedding)
        } catch {
            throw .invalidModel(path: directory, reason: error.description)
        }
    }
}

/// The per-epoch CSV log.
public enum TrainingLog {
    /// `epoch,train_loss,train_mae,val_loss,val_mae,seconds,train_seconds`, one line per epoch
    /// (empty validation fields when there is no validation set; `seconds` includes validation,
    /// `train_seconds` does not).
    public static func csv(_ history: [EpochRecord]) -> String {
        var lines = ["epoch,train_loss,train_mae,val_loss,val_mae,seconds,train_seconds"]
        for r in history {
            lines.append([String(r.epoch), String(r.trainLoss), String(r.trainMAE),
                          r.validationLoss.map { String($0) } ?? "", r.validationMAE.map { String($0) } ?? "",
                          String(format: "%.3f", r.seconds), String(format: "%.3f", r.trainingSeconds)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
