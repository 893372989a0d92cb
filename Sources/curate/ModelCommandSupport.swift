import ArgumentParser
import Datasets
import Foundation
import Models

/// Resolves `--embedding`: `onehot`, a JSON file, or (by default) the Matscholar file beside
/// the repository when present, else one-hot.
func resolveEmbedding(_ option: String?) throws -> ElementEmbedding {
    switch option {
    case "onehot": return .oneHot
    case let path?: return try modelStep { () throws(ModelsError) in try ElementEmbedding.load(path: path) }
    case nil:
        let standard = "../shared/data/embeddings/element/matscholar200.json"
        if FileManager.default.fileExists(atPath: standard) {
            return try modelStep { () throws(ModelsError) in try ElementEmbedding.load(path: standard) }
        }
        printError("note: \(standard) not found; using the one-hot element embedding")
        return .oneHot
    }
}

/// Runs a model-library step, turning its error into a one-line (or one-paragraph) failure.
func modelStep<T>(_ body: () throws(ModelsError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw CommandFailure(error.description)
    }
}

/// `--data`, `--target`, `--id-column`, `--composition-column`: a labelled composition CSV, or a
/// release directory written by `curate release` (its Roost exports and target are used).
struct LabelledDataOptions: ParsableArguments {
    @Option(name: .long, help: "CSV with a composition column and a target column, or a release directory (curate release).")
    var data: String

    @Option(name: .long, help: "The target column (default for a release: its target property).")
    var target: String?

    @Option(name: .long, help: "The identifier column (default id; line numbers when absent).")
    var idColumn = "id"

    @Option(name: .long, help: "The composition column.")
    var compositionColumn = "composition"

    /// The release manifest when `--data` is a release directory.
    func release() throws -> ReleaseManifest? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        do {
            return try ReleaseReading.manifest(in: data)
        } catch {
            throw CommandFailure("--data \(data) is a directory but not a release: \(error)")
        }
    }

    /// The file of one split of a release (`exports/roost/<split>.csv`), or `--data` itself.
    func file(split: String) throws -> String {
        guard let manifest = try release() else { return data }
        let path = (data as NSString).appendingPathComponent("exports/roost/\(split).csv")
        guard FileManager.default.fileExists(atPath: path) else {
            let labels = manifest.split.counts.keys.sorted().joined(separator: ", ")
            throw CommandFailure("release \(manifest.name) \(manifest.version) has no \(split) split (its splits: \(labels))")
        }
        return path
    }

    /// The columns to read.
    func columns() throws -> RoostDataset.Columns {
        if let manifest = try release() {
            return RoostDataset.Columns(id: "material_id", composition: "composition", target: target ?? manifest.target.property)
        }
        guard let target else { throw ValidationError("--target is required unless --data is a release directory") }
        return RoostDataset.Columns(id: idColumn, composition: compositionColumn, target: target)
    }
}
