import Crystal
import Foundation
import Learning

/// A Wren member's `config.json`.
public struct WrenMemberConfigFile: Codable, Sendable, Equatable {
    /// Always `curate-wren-member`.
    public var format: String
    /// The architecture.
    public var wren: WrenConfig
    /// Target standardisation.
    public var normalisation: TargetNormalisation
    /// Name of the element embedding.
    public var embedding: String
    /// How the member was trained.
    public var training: TrainingMetadata
}

/// Saving and loading Wren model directories, laid out as Roost's (`ensemble.json` with format
/// `curate-wren-ensemble`, `embedding.json`, `member-k/{weights.safetensors,config.json,log.csv}`).
/// The Wyckoff embedding is derived, not stored; its width is checked on load.
extension WrenEnsemble {
    /// Writes the ensemble to `directory`.
    public func save(to directory: String, toolVersion: String) throws(ModelsError) {
        let root = URL(fileURLWithPath: directory)
        do {
            let encoder = MemberFolder.encoder
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try elements.jsonData().write(to: root.appendingPathComponent("embedding.json"), options: .atomic)
            var names: [String] = []
            for (k, member) in members.enumerated() {
                let config = WrenMemberConfigFile(format: "curate-wren-member", wren: member.model.config,
                                                  normalisation: member.normalisation, embedding: elements.name,
                                                  training: member.metadata)
                names.append(try MemberFolder.write(index: k, model: "wren", parameters: member.model.parameters, config: config,
                                                    log: member.history.isEmpty ? nil : TrainingLog.csv(member.history), under: root))
            }
            let manifest = EnsembleManifest(format: "curate-wren-ensemble", formatVersion: 1, members: names,
                                            embedding: elements.name, embeddingFile: "embedding.json", toolVersion: toolVersion)
            try encoder.encode(manifest).write(to: root.appendingPathComponent("ensemble.json"), options: .atomic)
        } catch let error as ModelsError {
            throw error
        } catch {
            throw .unreadable(path: directory, reason: "cannot write model: \(error)")
        }
    }

    /// Reads a directory written by `save`.
    public static func load(from directory: String) throws(ModelsError) -> WrenEnsemble {
        let root = URL(fileURLWithPath: directory)
        let manifest = try MemberFolder.readJSON(EnsembleManifest.self, root.appendingPathComponent("ensemble.json"), directory: directory)
        guard manifest.format == "curate-wren-ensemble" else {
            throw .invalidModel(path: directory, reason: "ensemble.json has format \"\(manifest.format)\", not a Wren ensemble")
        }
        let elements = try ElementEmbedding.load(path: root.appendingPathComponent(manifest.embeddingFile).path, name: manifest.embedding)
        var members: [WrenMember] = []
        for name in manifest.members {
            let (config, parameters) = try MemberFolder.read(WrenMemberConfigFile.self, name: name, under: root, directory: directory)
            let model: WrenModel
            do { model = try WrenModel(config: config.wren, parameters: parameters) } catch {
                throw .invalidModel(path: directory, reason: "\(name): \(error)")
            }
            members.append(WrenMember(model: model, normalisation: config.normalisation, metadata: config.training))
        }
        do { return try WrenEnsemble(members: members, elements: elements) } catch {
            throw .invalidModel(path: directory, reason: error.description)
        }
    }
}
