import ArgumentParser
import Foundation
import Review
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
    var record = "unsupplied"

    func run() throws {
        let (file, text) = try readReactionRecords(release)
        let outcome = try reviewStep { () throws(ReviewError) in try ReactionBalanceAudit.audit(text, path: file) }
        var byRule: [String: Int] = [:]
        for entry in outcome.entries { for finding in entry.findings { byRule[finding.rule, default: 0] += 1 } }
        var score: ReactionBalanceAudit.KeyScore?
        if let key {
            let keyText: String
            do { keyText = try String(contentsOfFile: key, encoding: .utf8) } catch { throw CommandFailure("cannot read \(key): \(error.localizedDescription)") }
            let plants = try reviewStep { () throws(ReviewError) in try PlantedErrors.parseKey(keyText, path: key) }
            score = ReactionBalanceAudit.score(outcome, key: plants, splits: ReactionBalanceAudit.splits(text), split: split)
        }
        var recording: FlagRecordingOutcome?
        if let store {
            let rules: Set<String>
            switch record {
            case "unsupplied": rules = [ReactionElementBalance.unsuppliedRule]
            case "all": rules = [ReactionElementBalance.unsuppliedRule, ReactionElementBalance.lostRule]
            default: throw ValidationError("--record must be unsupplied or all, not \(record)")
            }
            let drafts = try reviewStep { () throws(ReviewError) in try ReactionBalanceFlags.drafts(outcome.entries, rules: rules) }
            let input = try reviewStep { () throws(ReviewError) in try DirectoryHash.fileSHA256(file) }
            let producer = FlagProducer(modelPath: ReactionBalanceFlags.producerName, modelSHA256: "", inputSHA256: input)
            do {
                recording = try CurateStore(path: StoreLocation.resolve(explicit: store)).recordFlags(drafts, producer: producer)
            } catch {
                throw CommandFailure("cannot record flags in \(store): \(error)")
            }
        }
        struct Summary: Encodable {
            var checked: Int; var flagged: Int; var byRule: [String: Int]; var planted: ReactionBalanceAudit.KeyScore?
            var recorded: FlagRecordingOutcome?
        }
        if json {
            for entry in outcome.entries { try printJSON(entry) }
            return try printJSON(Summary(checked: outcome.checked, flagged: outcome.entries.count, byRule: byRule, planted: score,
                                              recorded: recording))
        }
        for entry in outcome.entries {
            let findings = entry.findings.map { "\($0.rule): \($0.elements.joined(separator: " "))" }.joined(separator: "; ")
            print("\(entry.id)\t\(entry.composition)\t\(entry.precursors.joined(separator: " + "))\t\(findings)")
        }
        printError("checked \(outcome.checked) reactions, \(outcome.entries.count) flagged ("
                   + byRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")")
        if let r = recording {
            printError("flags: \(r.inserted) new, \(r.refreshed) refreshed, \(r.alreadyDecided) already decided, \(r.suppressedByRejection) not raised (rejected before)")
        }
        if let score {
            printError("planted errors caught: " + score.caughtByCorruption.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                       + "; clean \(split) reactions flagged: \(score.cleanFlagged)/\(score.clean)")
        }
    }
}
