import ArgumentParser
import CurateApp
import Store

/// `curate flags balance --release DIR [--key planted.csv]`: model-free element-balance checks.
struct FlagsBalanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "List reactions whose target has an element no precursor supplies, or whose precursors bring an element the target lacks.",
        discussion: """
            Rules (no model): target_element_unsupplied (O, N, H exempt: the atmosphere can supply them) and \
            precursor_element_lost (H, C, N, O, S, F, Cl, Br, I exempt: they can leave as gases or volatile salts). \
            A flux that stays out of the product also trips the second rule: review the findings, do not drop them blindly. \
            With --key (curate flags plant's planted.csv), reports how many planted errors of each kind are caught and how \
            many clean reactions of the split are flagged.
            """)

    @Option(name: .long, help: "Reaction release directory (or its records.jsonl).")
    var release: String

    @Option(name: .long, help: "Answer key of `curate flags plant` to score the findings against.")
    var key: String?

    @Option(name: .long, help: "With --key: the split whose clean reactions are counted.")
    var split = "test"

    @Flag(name: .long, help: "Print JSON lines: one per flagged reaction, then a summary.")
    var json = false

    @Option(name: .long, help: "Record the findings as reaction flags in this store, for review (curate flags list|show|accept|reject).")
    var store: String?

    @Option(name: .long, help: "Which findings --store records: unsupplied (target_element_unsupplied only) or all.")
    var record = BalanceWorkflow.Recording.unsupplied

    func run() throws {
        var request = BalanceWorkflow.Request(release: release)
        (request.key, request.split, request.recording) = (key, split, record)
        request.storePath = store.map { StoreLocation.resolve(explicit: $0) }
        let result = try BalanceWorkflow.run(request)
        let summary = result.summary
        if json {
            for entry in result.entries { try printJSON(entry) }
            return try printJSON(summary)
        }
        for entry in result.entries {
            let findings = entry.findings.map { "\($0.rule): \($0.elements.joined(separator: " "))" }.joined(separator: "; ")
            print("\(entry.id)\t\(entry.composition)\t\(entry.precursors.joined(separator: " + "))\t\(findings)")
        }
        printError("checked \(summary.checked) reactions, \(summary.flagged) flagged (\(countsText(summary.byRule)))")
        if let r = summary.recorded {
            printError("flags: \(r.inserted) new, \(r.refreshed) refreshed, \(r.alreadyDecided) already decided, \(r.suppressedByRejection) not raised (rejected before)")
        }
        if let score = summary.planted {
            printError("planted errors caught: " + countsText(score.caughtByCorruption) + "; clean \(split) reactions flagged: \(score.cleanFlagged)/\(score.clean)")
        }
    }
}

extension BalanceWorkflow.Recording: ExpressibleByArgument {}
