import Datasets
import Foundation
import Ingest
import Models
import CurateIO

/// Where a training run reads its rows: a CSV (split with the seed), or a release directory
/// (its train split for training, its validation split for checkpoint selection).
public struct TrainingData: Sendable {
    /// The training file.
    public var trainPath: String
    /// The release's validation split; nil for a CSV.
    public var validationPath: String?
    /// The identifier, input and target columns.
    public var idColumn: String, inputColumn: String, target: String
    /// What the model's metadata records as its data.
    public var description: String
    /// The file whose SHA-256 identifies the data (a release's manifest).
    public var digestPath: String

    /// The release manifest when `data` is a directory, nil for a file.
    static func release(_ data: String) throws(ModelWorkflowError) -> ReleaseManifest? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        do { return try ReleaseReading.manifest(in: data) } catch {
            throw ModelWorkflowError("--data \(data) is a directory but not a release: \(error)")
        }
    }

    /// The file of one split of a release export (`exports/<export>/<split>.csv`).
    static func splitFile(_ data: String, manifest: ReleaseManifest, export: String, split: String) throws(ModelWorkflowError) -> String {
        let path = (data as NSString).appendingPathComponent("exports/\(export)/\(split).csv")
        guard FileManager.default.fileExists(atPath: path) else {
            throw ModelWorkflowError("release \(manifest.name) \(manifest.version) has no \(split) split in exports/\(export) "
                                     + "(its splits: \(manifest.split.counts.keys.sorted().joined(separator: ", ")))")
        }
        return path
    }

    /// Resolves `data` for a model whose release export is `export` (`roost`, `wren`).
    /// `representation` (if set) is the release representation the model needs.
    public static func resolve(data: String, target: String?, idColumn: String, inputColumn: String, export: String,
                               representation: String? = nil, split: String = "train") throws(ModelWorkflowError) -> TrainingData {
        guard let manifest = try release(data) else {
            guard let target else { throw ModelWorkflowError("--target is required unless --data is a release directory") }
            return TrainingData(trainPath: data, validationPath: nil, idColumn: idColumn, inputColumn: inputColumn, target: target,
                                description: data, digestPath: data)
        }
        if let representation, manifest.representation != representation {
            throw ModelWorkflowError("release \(manifest.name) \(manifest.version) is a \(manifest.representation) dataset; "
                                     + "this model needs a \(representation) release")
        }
        return TrainingData(
            trainPath: try splitFile(data, manifest: manifest, export: export, split: split),
            validationPath: split == "train" ? try splitFile(data, manifest: manifest, export: export, split: "validation") : nil,
            idColumn: "material_id", inputColumn: export == "wren" ? "protostructure" : "composition",
            target: target ?? manifest.target.property,
            description: "\(data) (release \(manifest.name) \(manifest.version))",
            digestPath: (data as NSString).appendingPathComponent("manifest.json"))
    }

    /// Loads the training rows (and the release's validation rows after them, with that split).
    func load<Sample>(_ read: (String) throws(ModelsError) -> [Sample]) throws(ModelWorkflowError)
        -> (samples: [Sample], split: (train: [Int], validation: [Int])?) {
        var samples = try modelStep { () throws(ModelsError) in try read(trainPath) }
        guard let validationPath else { return (samples, nil) }
        let validation = try modelStep { () throws(ModelsError) in try read(validationPath) }
        let split = (Array(0..<samples.count), Array(samples.count..<(samples.count + validation.count)))
        samples += validation
        return (samples, split)
    }

    /// SHA-256 of the data, when readable.
    var sha256: String? { try? FileDigest.compute(path: digestPath).sha256 }
}
