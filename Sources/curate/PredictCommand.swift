import ArgumentParser

/// `curate predict MODEL …`: predictions from saved models. Without a model name the Roost
/// command runs, so `curate predict --model DIR --data CSV` keeps working.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Predict with a saved model (roost by default, wren or reaction).",
        subcommands: [PredictRoostCommand.self, PredictWrenCommand.self, PredictReactionCommand.self],
        defaultSubcommand: PredictRoostCommand.self)
}
