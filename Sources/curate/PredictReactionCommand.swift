import ArgumentParser
import Foundation
import Models

/// `curate predict reaction --model DIR --data RELEASE`: target compositions of reactions from a
/// reaction-model ensemble, with uncertainty, reaction embedding and (for labelled rows) errors.
struct PredictReactionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reaction",
        abstract: "Predict reaction targets with a saved reaction-graph ensemble; scores labelled rows against the null baseline.",
        discussion: """
            --json prints one object per reaction: id, composition, doi, split, precursors, actions, \
            predicted and observed fractions by element, l1, elemd, uncertainty (√trace of the members' \
            covariance) and embedding (the ensemble-mean reaction embedding). Metrics go to standard \
            error (and to --metrics as JSON).
            """)

    @Option(name: .long, help: "Model directory written by `curate train reaction`.")
    var model: String

    @Option(name: .long, help: "Reaction release directory (curate release) or a records.jsonl file.")
    var data: String

    @Option(name: .long, help: "Which rows: test, train or all.")
    var split = "test"

    @Option(name: .long, help: "Write the model and null-baseline metrics and the confidence curve here as JSON.")
    var metrics: String?

    @Flag(name: .long, help: "Print one JSON object per reaction.")
    var json = false

    func run() throws {
        guard ["test", "train", "all"].contains(split) else { throw ValidationError("--split must be test, train or all") }
        let ensemble = try modelStep { () throws(ModelsError) in try ReactionEnsemble.load(from: model) }
        let samples = try modelStep { () throws(ModelsError) in
            try ReactionDataset.load(path: data, split: split == "all" ? nil : split)
        }
        let predictions = ensemble.predict(samples)
        // Element symbols are dictionary keys: encode without the shared snake_case key strategy.
        let lineEncoder = JSONEncoder()
        lineEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if !json { print("id\tcomposition\tpredicted\tl1\telemd\tuncertainty") }
        for p in predictions {
            if json {
                print(String(decoding: try lineEncoder.encode(p), as: UTF8.self))
            } else {
                let formula = p.predicted.sorted { $0.key < $1.key }.map { "\($0.key)\(format($0.value))" }.joined(separator: " ")
                print([p.id, p.composition, formula, p.l1.map(format) ?? "", p.elemd.map(format) ?? "", format(p.uncertainty)]
                    .joined(separator: "\t"))
            }
        }
        guard samples.contains(where: { $0.target != nil }) else { return }
        let evaluation = ensemble.evaluate(samples, predictions: predictions)
        for (label, m) in [("model", evaluation.model), ("null baseline", evaluation.nullBaseline)] {
            printError(String(format: "%@ on %d %@ reactions: subset accuracy %.3f, weighted F1 %.3f, L1 %.3f, L2 %.3f, EleMD %.3f, R² %.3f",
                              label, m.count, split, m.subsetAccuracy, m.weightedF1, m.meanL1, m.meanL2, m.meanEleMD, m.r2))
        }
        printError("confidence curve (removed share: mean L1): "
                   + evaluation.confidenceCurve.map { String(format: "%.0f%%: %.3f", $0.removed * 100, $0.meanL1) }.joined(separator: ", "))
        if let metrics {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
            do { try encoder.encode(evaluation).write(to: URL(fileURLWithPath: metrics), options: .atomic) } catch {
                throw CommandFailure("cannot write --metrics \(metrics): \(error.localizedDescription)")
            }
        }
    }
}
