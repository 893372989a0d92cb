import ArgumentParser
import Datasets
import Foundation
import Models

/// Where `curate train wren` reads its rows: a CSV, or a `wyckoff` release's Wren exports.
struct WrenTrainingInput {
    var trainPath: String
    /// The release's validation split; nil for a CSV (split with --seed).
    var validationPath: String?
    var columns: WrenDataset.Columns
    /// What the model's metadata records as its data.
    var description: String
    /// The file whose sha256 identifies the data (a release's manifest).
    var digestPath: String

    static func resolve(data: String, target: String?, idColumn: String, protostructureColumn: String) throws -> WrenTrainingInput {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory), isDirectory.boolValue else {
            guard let target else { throw ValidationError("--target is required unless --data is a release directory") }
            return WrenTrainingInput(trainPath: data, validationPath: nil,
                                     columns: .init(id: idColumn, protostructure: protostructureColumn, target: target),
                                     description: data, digestPath: data)
        }
        let manifest: ReleaseManifest
        do { manifest = try ReleaseReading.manifest(in: data) } catch {
            throw CommandFailure("--data \(data) is a directory but not a release: \(error)")
        }
        guard manifest.representation == "wyckoff" else {
            throw CommandFailure("release \(manifest.name) \(manifest.version) is a \(manifest.representation) dataset; Wren needs a wyckoff release (protostructure labels)")
        }
        func path(_ split: String) throws -> String {
            let file = (data as NSString).appendingPathComponent("exports/wren/\(split).csv")
            guard FileManager.default.fileExists(atPath: file) else {
                throw CommandFailure("release \(manifest.name) \(manifest.version) has no \(split) split in exports/wren "
                                     + "(its splits: \(manifest.split.counts.keys.sorted().joined(separator: ", ")))")
            }
            return file
        }
        return WrenTrainingInput(trainPath: try path("train"), validationPath: try path("validation"),
                                 columns: .init(id: "material_id", protostructure: "protostructure", target: target ?? manifest.target.property),
                                 description: "\(data) (release \(manifest.name) \(manifest.version))",
                                 digestPath: (data as NSString).appendingPathComponent("manifest.json"))
    }
}
