import Foundation
import Learning

/// The JSON and weight reads and writes of model directories, turning a malformed file into
/// `ModelsError.invalidModel` naming the file.
enum ModelFiles {
    /// A JSON encoder with sorted keys and indentation, as every model directory file uses.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
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
        try readWeightsAndMetadata(url, directory: directory, label: label).parameters
    }

    /// Reads the safetensors file at `url` with its metadata.
    static func readWeightsAndMetadata(_ url: URL, directory: String, label: String) throws(ModelsError)
        -> (parameters: Parameters, metadata: [String: String]) {
        do {
            let file = try SafeTensors.read(from: url)
            return (Parameters(file.tensors), file.metadata)
        } catch {
            throw .invalidModel(path: directory, reason: "\(label): \(error)")
        }
    }
}

/// A coding key from any string (files whose keys depend on the model).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
