import Foundation
import Models

/// Where model workflows find the element embedding: `onehot`, a JSON file, or by default the
/// Matscholar file under the data folder — `$CURATE_DATA` when set, else `../shared/data`
/// relative to the current directory.
public enum ElementEmbeddingChoice {
    /// The data folder's path inside the default embedding.
    public static let defaultFile = "embeddings/element/matscholar200.json"

    /// The data folder: `environment["CURATE_DATA"]`, else `../shared/data`.
    public static func dataFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["CURATE_DATA"].flatMap { $0.isEmpty ? nil : $0 } ?? "../shared/data"
    }

    /// The embedding `option` names (nil: the default one, which must exist).
    public static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(ModelWorkflowError) -> ElementEmbedding {
        switch option {
        case "onehot": return .oneHot
        case let path?: return try modelStep { () throws(ModelsError) in try ElementEmbedding.load(path: path) }
        case nil:
            let path = (dataFolder(environment: environment) as NSString).appendingPathComponent(defaultFile)
            guard FileManager.default.fileExists(atPath: path) else {
                throw ModelWorkflowError("the default element embedding \(path) does not exist; set CURATE_DATA to the "
                                         + "data folder holding \(defaultFile), or pass --embedding onehot or --embedding FILE")
            }
            return try modelStep { () throws(ModelsError) in try ElementEmbedding.load(path: path) }
        }
    }
}
