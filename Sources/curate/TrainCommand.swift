import ArgumentParser

/// `curate train MODEL …`: train models on composition–property tables.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a model on a composition–property CSV (id,composition,target).",
        subcommands: [TrainRoostCommand.self, TrainWrenCommand.self, TrainReactionCommand.self])
}
