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
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try embedding.jsonData().write(to: root.appendingPathComponent("embedding.json"), options: .atomic)
            var names: [String] = []
            for (k, member) in members.enumerated() {
                let name = "member-\(k)"
                names.append(name)
                let folder = root.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try SafeTensors.write(member.model.parameters.tensors,
                                      metadata: ["format": "pt", "model": "roost", "member": String(k)],
                                      to: folder.appendingPathComponent("weights.safetensors"))
                let config = MemberConfigFile(format: "curate-roost-member", roost: member.model.config,
                                              normalisation: member.normalisation, embedding: embedding.name,
                                              training: member.metadata)
                try encoder.encode(config).write(to: folder.appendingPathComponent("config.json"), options: .atomic)
                if !member.history.isEmpty {
                    try Data(TrainingLog.csv(member.history).utf8)
                        .write(to: folder.appendingPathComponent("log.csv"), options: .atomic)
                }
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
        func read<T: Decodable>(_ type: T.Type, _ url: URL) throws(ModelsError) -> T {
            do {
                return try JSONDecoder().decode(type, from: Data(contentsOf: url))
            } catch {
                throw .invalidModel(path: directory, reason: "\(url.lastPathComponent): \(error.localizedDescription)")
            }
        }
        let manifest = try read(EnsembleManifest.self, root.appendingPathComponent("ensemble.json"))
        guard manifest.format == "curate-roost-ensemble" else {
            throw .invalidModel(path: directory, reason: "ensemble.json has format \"\(manifest.format)\"")
        }
        let embedding = try ElementEmbedding.load(path: root.appendingPathComponent(manifest.embeddingFile).path,
                                                  name: manifest.embedding)
        var members: [RoostMember] = []
        for name in manifest.members {
            let folder = root.appendingPathComponent(name)
            let config = try read(MemberConfigFile.self, folder.appendingPathComponent("config.json"))
            let tensors: [String: Tensor]
            do {
                tensors = try SafeTensors.read(from: folder.appendingPathComponent("weights.safetensors")).tensors
            } catch {
                throw .invalidModel(path: directory, reason: "\(name)/weights.safetensors: \(error)")
            }
            let model: RoostModel
            do {
                model = try RoostModel(config: config.roost, parameters: Parameters(tensors))
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
