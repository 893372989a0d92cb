import Foundation
import Learning

/// The files every ensemble member writes, whatever the model: `member-k/weights.safetensors`,
/// `member-k/config.json` and, when trained in this run, `member-k/log.csv`; and the JSON and
/// weight reads that turn a malformed file into `ModelsError.invalidModel` naming the file.
enum MemberFolder {
    /// A JSON encoder with sorted keys and indentation, as every model directory file uses.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }

    /// Writes member `index` of a `model` ensemble under `root` and returns its folder name.
    static func write(index: Int, model: String, parameters: Parameters, config: some Encodable,
                      log: String?, under root: URL) throws -> String {
        let name = "member-\(index)"
        let folder = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try SafeTensors.write(parameters.tensors, metadata: ["format": "pt", "model": model, "member": String(index)],
                              to: folder.appendingPathComponent("weights.safetensors"))
        try encoder.encode(config).write(to: folder.appendingPathComponent("config.json"), options: .atomic)
        if let log { try Data(log.utf8).write(to: folder.appendingPathComponent("log.csv"), options: .atomic) }
        return name
    }

    /// The configuration and weights of member folder `name` under `root` (`directory` names the
    /// model in errors).
    static func read<Config: Decodable>(_ type: Config.Type, name: String, under root: URL,
                                        directory: String) throws(ModelsError) -> (config: Config, parameters: Parameters) {
        let folder = root.appendingPathComponent(name)
        let config = try readJSON(type, folder.appendingPathComponent("config.json"), directory: directory, label: "\(name)/config.json")
        let parameters = try readWeights(folder.appendingPathComponent("weights.safetensors"), directory: directory,
                                         label: "\(name)/weights.safetensors")
        return (config, parameters)
    }

    /// Decodes the JSON file at `url`.
    static func readJSON<T: Decodable>(_ type: T.Type, _ url: URL, directory: String, label: String? = nil) throws(ModelsError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(contentsOf: url))
        } catch {
            throw .invalidModel(path: directory, reason: "\(label ?? url.lastPathComponent): \(error.localizedDescription)")
        }
    }

    /// Reads the safetensors file at `url` as parameters.
    static func readWeights(_ url: URL, directory: String, label: String) throws(ModelsError) -> Parameters {
        do {
            return Parameters(try SafeTensors.read(from: url).tensors)
        } catch {
            throw .invalidModel(path: directory, reason: "\(label): \(error)")
        }
    }
}
