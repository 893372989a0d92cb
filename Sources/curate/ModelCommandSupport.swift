import ArgumentParser
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

/// `--data`, `--target`, `--id-column`, `--composition-column`: a labelled composition CSV.
struct LabelledDataOptions: ParsableArguments {
    @Option(name: .long, help: "CSV with a composition column and a target column.")
    var data: String

    @Option(name: .long, help: "The target column.")
    var target: String

    @Option(name: .long, help: "The identifier column (default id; line numbers when absent).")
    var idColumn = "id"

    @Option(name: .long, help: "The composition column.")
    var compositionColumn = "composition"

    /// The columns to read.
    var columns: RoostDataset.Columns {
        RoostDataset.Columns(id: idColumn, composition: compositionColumn, target: target)
    }
}
