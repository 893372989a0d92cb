import Foundation

/// Runs `ReactionElementBalance` over every reaction of a release's `records.jsonl`, and scores
/// the findings against a planted-error answer key.
public enum ReactionBalanceAudit {
    /// One reaction with at least one finding.
    public struct Entry: Sendable, Equatable, Codable {
        public var id: String
        public var composition: String
        public var precursors: [String]
        public var split: String
        public var doi: String
        public var actions: [String]
        /// The recorded target as element → fraction.
        public var target: [String: Double]
        public var findings: [ReactionElementBalance.Finding]
    }

    /// The findings over a whole release.
    public struct Outcome: Sendable, Equatable {
        /// Reactions read.
        public var checked: Int
        /// Reactions with a finding, in file order.
        public var entries: [Entry]
    }

    /// Checks every line of `text` (a reaction release's records.jsonl; `path` names it in errors).
    public static func audit(_ text: String, path: String) throws(ReviewError) -> Outcome {
        var entries: [Entry] = []
        var checked = 0
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let number = offset + 1
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
                throw .invalidLine(path: path, line: number, field: "(record)", reason: "not a JSON object")
            }
            func strings(_ field: String) throws(ReviewError) -> [String] {
                guard let values = object[field] as? [String] else {
                    throw .invalidLine(path: path, line: number, field: field, reason: "missing or not a list of strings (is this a reaction release?)")
                }
                return values
            }
            guard let id = object["id"] as? String else { throw .invalidLine(path: path, line: number, field: "id", reason: "missing") }
            let targetElements = try strings("target_elements")
            let precursorKeys = try strings("precursor_keys")
            checked += 1
            let findings = ReactionElementBalance.check(targetElements: Set(targetElements),
                                                        precursorElements: precursorKeys.map(ReactionElementBalance.elements(of:)))
            guard !findings.isEmpty else { continue }
            let fractions = (object["target_fractions"] as? [NSNumber])?.map(\.doubleValue) ?? []
            var target: [String: Double] = [:]
            for (element, fraction) in zip(targetElements, fractions) { target[element] = fraction }
            entries.append(Entry(id: id, composition: object["composition"] as? String ?? "", precursors: (object["precursors"] as? [String]) ?? [],
                                 split: object["split"] as? String ?? "", doi: object["doi"] as? String ?? "",
                                 actions: (object["actions"] as? [String]) ?? [], target: target, findings: findings))
        }
        guard checked > 0 else { throw .empty(what: "\(path) has no reactions") }
        return Outcome(checked: checked, entries: entries)
    }

    /// The recorded target of every reaction of `text` (a reaction release's records.jsonl): its
    /// formula and its element → fraction map, by id.
    public static func targets(_ text: String, path: String) throws(ReviewError) -> [String: (composition: String, fractions: [String: Double])] {
        var targets: [String: (composition: String, fractions: [String: Double])] = [:]
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                  let id = object["id"] as? String else {
                throw .invalidLine(path: path, line: offset + 1, field: "(record)", reason: "not a JSON object with an id")
            }
            guard let elements = object["target_elements"] as? [String],
                  let fractions = (object["target_fractions"] as? [NSNumber])?.map(\.doubleValue), elements.count == fractions.count else {
                throw .invalidLine(path: path, line: offset + 1, field: "target_fractions", reason: "missing, or not one fraction per target element")
            }
            var target: [String: Double] = [:]
            for (element, fraction) in zip(elements, fractions) { target[element] = fraction }
            targets[id] = (object["composition"] as? String ?? "", target)
        }
        return targets
    }

    /// Recall of the findings on a planted answer key, by corruption kind and rule, and how
    /// many reactions outside the key were flagged.
    public struct KeyScore: Sendable, Equatable, Codable {
        /// corruption kind → "flagged/planted".
        public var caughtByCorruption: [String: String]
        /// corruption kind → rule → planted reactions of that kind the rule flags.
        public var byRule: [String: [String: Int]]
        /// Reactions of the key's split that are not planted.
        public var clean: Int
        /// Of those, flagged anyway (real errors, fluxes, or rule limits).
        public var cleanFlagged: Int
    }

    /// Scores `outcome` against `key`, counting clean reactions in `split` (`records` gives every
    /// reaction's split).
    public static func score(_ outcome: Outcome, key: [PlantedErrors.Plant], splits: [String: String], split: String) -> KeyScore {
        let flagged = Dictionary(outcome.entries.map { ($0.id, $0.findings) }, uniquingKeysWith: { first, _ in first })
        let plantedIds = Set(key.map(\.id))
        var caught: [String: String] = [:]
        var byRule: [String: [String: Int]] = [:]
        for kind in PlantedErrors.Corruption.allCases {
            let ofKind = key.filter { $0.corruption == kind }
            guard !ofKind.isEmpty else { continue }
            caught[kind.rawValue] = "\(ofKind.filter { flagged[$0.id] != nil }.count)/\(ofKind.count)"
            var rules: [String: Int] = [:]
            for plant in ofKind { for finding in flagged[plant.id] ?? [] { rules[finding.rule, default: 0] += 1 } }
            byRule[kind.rawValue] = rules
        }
        let clean = splits.filter { $0.value == split && !plantedIds.contains($0.key) }.map(\.key)
        return KeyScore(caughtByCorruption: caught, byRule: byRule, clean: clean.count,
                        cleanFlagged: clean.filter { flagged[$0] != nil }.count)
    }

    /// Every reaction's split, from records.jsonl text (lines without an id or split are skipped).
    public static func splits(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                  let id = object["id"] as? String, let split = object["split"] as? String else { continue }
            result[id] = split
        }
        return result
    }
}
