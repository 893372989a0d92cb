import Foundation
import Review
import Store

/// `curate flags balance`: the model-free element-balance rules over a reaction release.
public enum BalanceWorkflow {
    /// Which findings are recorded as flags.
    public enum Recording: String, Sendable, CaseIterable {
        /// `target_element_unsupplied` only.
        case unsupplied
        /// Both rules.
        case all

        var rules: Set<String> {
            switch self {
            case .unsupplied: [ReactionElementBalance.unsuppliedRule]
            case .all: [ReactionElementBalance.unsuppliedRule, ReactionElementBalance.lostRule]
            }
        }
    }

    /// What to check and where to record.
    public struct Request: Sendable, Equatable {
        /// Reaction release directory (or its records.jsonl).
        public var release: String
        /// Answer key of `curate flags plant` to score the findings against.
        public var key: String?
        /// With `key`: the split whose clean reactions are counted.
        public var split = "test"
        /// Record the findings as reaction flags in this store.
        public var storePath: String?
        public var recording = Recording.unsupplied

        public init(release: String) { self.release = release }
    }

    /// The summary (the last JSON line of `curate flags balance --json`).
    public struct Summary: Sendable, Equatable, Codable {
        public var checked: Int
        public var flagged: Int
        public var byRule: [String: Int]
        public var planted: ReactionBalanceAudit.KeyScore?
        public var recorded: FlagRecordingOutcome?
    }

    /// The flagged reactions and the summary.
    public struct Result: Sendable, Equatable {
        public var entries: [ReactionBalanceAudit.Entry]
        public var summary: Summary
    }

    /// Checks every reaction of the release; scores against the key and records flags when asked.
    public static func run(_ request: Request) throws -> Result {
        let records = try ReactionRecordsFile(release: request.release)
        let outcome = try step { try ReactionBalanceAudit.audit(records.text, path: records.path) }
        var byRule: [String: Int] = [:]
        for entry in outcome.entries { for finding in entry.findings { byRule[finding.rule, default: 0] += 1 } }
        var score: ReactionBalanceAudit.KeyScore?
        if let key = request.key {
            let plants = try step { try PlantedErrors.parseKey(try readText(key), path: key) }
            score = ReactionBalanceAudit.score(outcome, key: plants, splits: ReactionBalanceAudit.splits(records.text), split: request.split)
        }
        var recorded: FlagRecordingOutcome?
        if let storePath = request.storePath {
            let drafts = try step { try ReactionBalanceFlags.drafts(outcome.entries, rules: request.recording.rules) }
            let input = try step { try DirectoryHash.fileSHA256(records.path) }
            let producer = FlagProducer(modelPath: ReactionBalanceFlags.producerName, modelSHA256: "", inputSHA256: input)
            let store = try StoreOpening.open(storePath)
            recorded = try step("cannot record flags in \(storePath)") { try store.recordFlags(drafts, producer: producer) }
        }
        return Result(entries: outcome.entries, summary: Summary(checked: outcome.checked, flagged: outcome.entries.count,
                                                                byRule: byRule, planted: score, recorded: recorded))
    }
}
