import ArgumentParser
import CurateApp
import Foundation

/// `curate similar ID --top K`.
struct SimilarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar",
        abstract: "The stored reactions whose embeddings are most similar (cosine) to one reaction's.",
        discussion: "Embeddings are stored by `curate flag reactions` under the model id it prints.")

    @Argument(help: "Reaction id.")
    var id: String

    @Option(name: .long, help: "How many neighbours.")
    var top = 10

    @Option(name: .long, help: "Embedding model id (needed when several models hold the reaction).")
    var model: String?

    @OptionGroup var options: StoreOptions

    func run() throws {
        let result = try SimilarWorkflow.similar(to: id, top: top, model: model, storePath: options.storePath)
        if options.json { return try printJSON(result) }
        print("\(result.subject) \(result.label): \(result.matches.count) nearest of \(result.searched) (\(result.model))")
        for match in result.matches {
            print(String(format: "  %.1f%%\t%@\t%@\t%@", match.similarity * 100, match.subject, match.label, match.metadata))
        }
    }
}
