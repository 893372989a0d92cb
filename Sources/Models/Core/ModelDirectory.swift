import Foundation
import Learning

/// The one model directory format, whatever the model:
///
///     OUT/ensemble.json                 format curate-<model>-ensemble, members, run id, shared fields
///     OUT/<shared files>                embedding.json (Roost, Wren), action-encoder.safetensors (reaction)
///     OUT/member-k/weights.safetensors  metadata: model, member, run
///     OUT/member-k/config.json          format curate-<model>-member, "<model>": config, training, run id, member state
///     OUT/member-k/log.csv              per-epoch losses (when trained in this run)
///
/// Format version 2 records the run id in `ensemble.json` and in every member's config and
/// weights; the loader refuses a member of another run. Version 1 (no run ids) still loads.
public enum ModelDirectory {
    /// The newest layout version, the one written.
    public static let formatVersion = 2

    /// `ensemble.json`: the common fields and the model's shared fields, in one object.
    struct Manifest<Model: TrainableModel>: Codable {
        var format: String
        var formatVersion: Int
        var members: [String]
        var toolVersion: String
        var runID: String?
        var shared: Model.SharedManifest

        init(members: [String], toolVersion: String, runID: String, shared: Model.SharedManifest) {
            format = "curate-\(Model.name)-ensemble"
            formatVersion = ModelDirectory.formatVersion
            self.members = members
            self.toolVersion = toolVersion
            self.runID = runID
            self.shared = shared
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            format = try c.decode(String.self, forKey: AnyKey("format"))
            formatVersion = try c.decode(Int.self, forKey: AnyKey("formatVersion"))
            members = try c.decode([String].self, forKey: AnyKey("members"))
            toolVersion = try c.decode(String.self, forKey: AnyKey("toolVersion"))
            runID = try c.decodeIfPresent(String.self, forKey: AnyKey("runID"))
            shared = try Model.SharedManifest(from: decoder)
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode(format, forKey: AnyKey("format"))
            try c.encode(formatVersion, forKey: AnyKey("formatVersion"))
            try c.encode(members, forKey: AnyKey("members"))
            try c.encode(toolVersion, forKey: AnyKey("toolVersion"))
            try c.encodeIfPresent(runID, forKey: AnyKey("runID"))
            try shared.encode(to: encoder)
        }
    }

    /// The two fields of `ensemble.json` every version has.
    struct Header: Decodable {
        var format: String
        var formatVersion: Int
    }

    /// The model a directory holds (`roost`, `wren`, `reaction`), from its `ensemble.json`.
    public static func modelName(of directory: String) throws(ModelsError) -> String {
        let url = URL(fileURLWithPath: directory).appendingPathComponent("ensemble.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .invalidModel(path: directory, reason: "no ensemble.json (not a model directory, or an unfinished training run)")
        }
        let format = try ModelFiles.readJSON(Header.self, url, directory: directory).format
        guard format.hasPrefix("curate-"), format.hasSuffix("-ensemble") else {
            throw .invalidModel(path: directory, reason: "ensemble.json has format \"\(format)\", not a curate model")
        }
        return String(format.dropFirst("curate-".count).dropLast("-ensemble".count))
    }

    /// A member's `config.json`.
    struct MemberFile<Model: TrainableModel>: Codable {
        var format: String
        var config: Model.Config
        var training: TrainingMetadata
        var runID: String?
        var state: Model.MemberState

        init(member: Member<Model>, runID: String) {
            format = "curate-\(Model.name)-member"
            config = member.model.config
            training = member.metadata
            self.runID = runID
            state = member.state
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: AnyKey.self)
            format = try c.decode(String.self, forKey: AnyKey("format"))
            config = try c.decode(Model.Config.self, forKey: AnyKey(Model.name))
            training = try c.decode(TrainingMetadata.self, forKey: AnyKey("training"))
            runID = try c.decodeIfPresent(String.self, forKey: AnyKey("runID"))
            state = try Model.MemberState(from: decoder)
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode(format, forKey: AnyKey("format"))
            try c.encode(config, forKey: AnyKey(Model.name))
            try c.encode(training, forKey: AnyKey("training"))
            try c.encodeIfPresent(runID, forKey: AnyKey("runID"))
            try state.encode(to: encoder)
        }
    }

    /// Writes member `index` into `folder` (weights, log, then config.json last: a member folder
    /// with a config.json is complete).
    static func writeMember<Model: TrainableModel>(_ member: Member<Model>, index: Int, runID: String, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try SafeTensors.write(member.model.parameters.tensors,
                              metadata: ["format": "pt", "model": Model.name, "member": String(index), "run": runID],
                              to: folder.appendingPathComponent("weights.safetensors"))
        if !member.history.isEmpty {
            try Data(TrainingLog.csv(member.history, for: Model.self).utf8)
                .write(to: folder.appendingPathComponent("log.csv"), options: .atomic)
        }
        try ModelFiles.encoder.encode(MemberFile(member: member, runID: runID))
            .write(to: folder.appendingPathComponent("config.json"), options: .atomic)
    }

    /// Reads member folder `name` under `root`; with `runID`, refuses a member of another run.
    static func readMember<Model: TrainableModel>(_ type: Model.Type, name: String, under root: URL, directory: String,
                                                  runID: String?) throws(ModelsError) -> Member<Model> {
        let folder = root.appendingPathComponent(name)
        let file = try ModelFiles.readJSON(MemberFile<Model>.self, folder.appendingPathComponent("config.json"),
                                           directory: directory, label: "\(name)/config.json")
        guard file.format == "curate-\(Model.name)-member" else {
            throw .invalidModel(path: directory, reason: "\(name)/config.json has format \"\(file.format)\", not a \(Model.displayName) member")
        }
        let weights = try ModelFiles.readWeightsAndMetadata(folder.appendingPathComponent("weights.safetensors"),
                                                            directory: directory, label: "\(name)/weights.safetensors")
        if let runID {
            for (label, found) in [("config.json", file.runID), ("weights.safetensors", weights.metadata["run"])] where found != runID {
                throw .invalidModel(path: directory, reason: "\(name)/\(label) belongs to run \(found ?? "(none)"), "
                                    + "but ensemble.json to run \(runID): the directory mixes members of different training runs")
            }
        }
        do {
            return Member(model: try Model(config: file.config, parameters: weights.parameters), state: file.state, metadata: file.training)
        } catch {
            throw .invalidModel(path: directory, reason: "\(name): \(error)")
        }
    }

    /// Reads a model directory of `Model`.
    public static func load<Model: TrainableModel>(_ type: Model.Type, from directory: String) throws(ModelsError) -> Ensemble<Model> {
        let root = URL(fileURLWithPath: directory)
        let manifestURL = root.appendingPathComponent("ensemble.json")
        guard FileManager.default.fileExists(atPath: manifestURL.path) else {
            throw .invalidModel(path: directory, reason: "no ensemble.json (not a model directory, or an unfinished training run)")
        }
        let header = try ModelFiles.readJSON(Header.self, manifestURL, directory: directory)
        guard header.format == "curate-\(Model.name)-ensemble" else {
            throw .invalidModel(path: directory, reason: "ensemble.json has format \"\(header.format)\", not a \(Model.displayName) ensemble")
        }
        guard (1...formatVersion).contains(header.formatVersion) else {
            throw .invalidModel(path: directory, reason: "ensemble.json has format version \(header.formatVersion); this curate reads 1 to \(formatVersion)")
        }
        let manifest = try ModelFiles.readJSON(Manifest<Model>.self, manifestURL, directory: directory)
        if manifest.formatVersion >= 2 && manifest.runID == nil {
            throw .invalidModel(path: directory, reason: "ensemble.json (format version \(manifest.formatVersion)) has no runID")
        }
        let shared = try Model.readShared(manifest.shared, from: root, directory: directory)
        var members: [Member<Model>] = []
        for name in manifest.members {
            members.append(try readMember(Model.self, name: name, under: root, directory: directory, runID: manifest.runID))
        }
        do {
            return try Ensemble(members: members, shared: shared)
        } catch {
            throw .invalidModel(path: directory, reason: error.description)
        }
    }
}

extension Ensemble {
    /// Reads a model directory written by `save` (or by an older curate: format version 1).
    public static func load(from directory: String) throws(ModelsError) -> Ensemble {
        try ModelDirectory.load(Model.self, from: directory)
    }

    /// Writes the ensemble to `directory` through a staging directory renamed into place;
    /// an existing `directory` is replaced only when `overwrite` is set.
    public func save(to directory: String, toolVersion: String, overwrite: Bool = true) throws(ModelsError) {
        let staged = try StagedModelDirectory.begin(out: directory, overwrite: overwrite)
        try staged.commit(self, toolVersion: toolVersion)
    }
}
