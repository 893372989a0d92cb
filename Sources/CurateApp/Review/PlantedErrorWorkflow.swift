import Foundation
import Review

/// Planting errors in a reaction release and scoring a flag ranking against them:
/// `curate flags plant` and `curate flags score-planted`.
public enum PlantedErrorWorkflow {
    /// What `plant` wrote.
    public struct Planted: Sendable, Equatable, Codable {
        /// Records of the split that could be corrupted.
        public var eligible: Int
        public var planted: Int
        public var byCorruption: [String: Int]
        /// The output directory (records.jsonl and planted.csv).
        public var out: String
    }

    /// Writes a copy of the release's records.jsonl with a `fraction` of the `split`'s records
    /// corrupted (seeded by `seed`) and the answer key planted.csv, into `out`. A reaction release
    /// (records with precursors) gets the reaction kinds, a property release the property kinds
    /// (`PlantedPropertyErrors`); the release's manifest is kept as `origin-manifest.json`.
    public static func plant(release: String, fraction: Double = 0.05, seed: UInt64 = 1, split: String = "test",
                             out: String) throws -> Planted {
        let records = try ReactionRecordsFile(release: release)
        let outcome = try step {
            isReactionRelease(records.text)
                ? try PlantedErrors.plant(records.text, path: records.path, fraction: fraction, seed: seed, split: split)
                : try PlantedPropertyErrors.plant(records.text, path: records.path, fraction: fraction, seed: seed, split: split)
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            try outcome.recordsText.write(toFile: (out as NSString).appendingPathComponent("records.jsonl"), atomically: true, encoding: .utf8)
            try PlantedErrors.keyCSV(outcome.key).write(toFile: (out as NSString).appendingPathComponent("planted.csv"), atomically: true, encoding: .utf8)
            let manifest = ((records.path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("manifest.json")
            if let data = FileManager.default.contents(atPath: manifest) {
                try data.write(to: URL(fileURLWithPath: (out as NSString).appendingPathComponent(ReleaseManifestRules.originName)))
            }
        } catch {
            throw WorkflowError("cannot write \(out): \(error.localizedDescription)")
        }
        var counts: [String: Int] = [:]
        for plant in outcome.key { counts[plant.corruption.rawValue, default: 0] += 1 }
        return Planted(eligible: outcome.eligible, planted: outcome.key.count, byCorruption: counts, out: out)
    }

    /// Whether the first record of a release's records.jsonl is a reaction (has precursors).
    static func isReactionRelease(_ text: String) -> Bool {
        guard let line = text.split(separator: "\n").first,
              let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else { return true }
        return object["precursors"] != nil
    }

    /// Ranks the `split`'s reactions in `predictions` by the reaction flag score and reports
    /// precision at the top k against the answer key `key`.
    public static func score(predictions: String, key: String, split: String = "test", neighbours: Int = 5) throws -> PlantedScoring.Report {
        let records = try step { try ReactionPredictionFile.load(path: predictions) }
        let plants = try step { try PlantedErrors.parseKey(try readText(key), path: key) }
        let ranked = try step {
            try ReactionFlagScoring.score(records, options: .init(neighbours: neighbours)).filter { $0.record.split == split }.map(\.record.id)
        }
        return try step { try PlantedScoring.report(ranked: ranked, key: plants) }
    }
}
