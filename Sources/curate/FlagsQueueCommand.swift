import ArgumentParser
import CurateApp
import Foundation

/// `curate flags queue --release DIR (--model ROOST | --predictions FILE) [--key planted.csv]`.
struct FlagsQueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "One ranked review queue over a release's split: model disagreement, rule findings and curation flags on one scale.",
        discussion: """
            Every signal's score is turned into its rarity among the split's records, weight = −log10(share of records \
            scored at least as high), and a record's queue score is the sum of its weights; each entry lists its contributions. \
            A property release (Tc, formation energy, …) takes a Roost ensemble (--model) and adds the release's value_range \
            rule, charge neutrality with ICSD oxidation states and the curation's spread flag; errors planted in its validation \
            split (never the queued one) replace rarity by each signal's measured likelihood ratio. A reaction release takes \
            `curate predict reaction --json` predictions of it (--predictions) and adds the element-balance rules. With --key \
            (curate flags plant's planted.csv) it reports precision at k for the whole queue, each signal alone and each left out.
            """)

    @Option(name: .long, help: "Release directory (or its records.jsonl), e.g. the output of `curate flags plant`.")
    var release: String

    @Option(name: .long, help: "Roost ensemble directory, for a property release.")
    var model: String?

    @Option(name: .long, help: "Reaction predictions (curate predict reaction --split all --json), for a reaction release.")
    var predictions: String?

    @Option(name: .long, help: "Answer key of `curate flags plant` to score the queue against.")
    var key: String?

    @Option(name: .long, help: "The split queued.")
    var split = "test"

    @Option(name: .long, help: "Entries to list.")
    var top = 20

    @Flag(name: .long, help: "Reaction score with the thesis' neighbour-similarity term (off: it did not improve the queue on planted errors).")
    var similarity = false

    @Option(name: .long, help: "Property releases: plant errors in this split to calibrate the weights (likelihood ratios); `none` keeps rarity weights.")
    var calibrationSplit = "validation"

    @Option(name: .long, help: "Seed of the calibration's planted errors.")
    var calibrationSeed: UInt64 = 7919

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func validate() throws {
        guard (model == nil) != (predictions == nil) else { throw ValidationError("give one of --model (property release) or --predictions (reaction release)") }
    }

    func run() throws {
        let evidence: ReviewQueueWorkflow.Evidence = if let model { .roost(model: model) } else { .reactionPredictions(file: predictions ?? "") }
        var request = ReviewQueueWorkflow.Request(release: release, evidence: evidence)
        (request.key, request.split, request.top, request.similarityTerm) = (key, split, top, similarity)
        (request.calibrationSplit, request.calibrationSeed) = (calibrationSplit == "none" ? nil : calibrationSplit, calibrationSeed)
        let summary = try ReviewQueueWorkflow.run(request)
        if json { return try printJSON(summary) }
        print("\(summary.queued) of \(summary.population) \(summary.split) \(summary.kind) records queued; raised: "
              + summary.signals.map { "\($0.signal) \($0.raised)" }.joined(separator: ", ") + "; weights: \(summary.weighting)")
        for entry in summary.top {
            print(String(format: "%4d  %6.2f  %@  %@", entry.rank, entry.score, entry.subject, entry.label))
            for part in entry.contributions {
                print(String(format: "            %5.2f  %@: %@", part.weight, part.signal, part.reason))
            }
        }
        for ablation in summary.planted ?? [] {
            let report = ablation.report
            let cut = report.cuts.first { $0.label == "planted" }
            print(ablation.signals.padding(toLength: 45, withPad: " ", startingAt: 0)
                  + String(format: " precision@%d %.3f, clean flagged %.4f; ", report.planted, cut?.precision ?? 0, report.cleanFlagRate)
                  + countsText(report.byCorruption))
        }
    }
}
