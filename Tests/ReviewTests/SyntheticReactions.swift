import Foundation
import Learning
@testable import Review

/// A synthetic reaction release and a synthetic "model" for testing the flagging mechanics.
///
/// Reactions are A–M–O syntheses from `A2CO3 + MO`: with actions mix > heat the target is AMO2,
/// with mix > heat > heat it is A2MO3. One in ten reactions is "hard" (a quench step, true target
/// AMO2): the model gets those badly wrong but knows it (high uncertainty). The model predicts
/// the target from the actions, with a little noise, and embeds a reaction as one-hot A and M
/// plus action counts plus noise.
enum SyntheticReactions {
    static let alkalis = ["Li", "Na", "K"]
    static let metals = ["Mn", "Fe", "Co", "Ni", "Cu", "Ti", "Cr", "V"]

    /// `records.jsonl` text of `count` reactions, a fifth of them in the test split.
    static func release(count: Int, seed: UInt64) -> String {
        var generator = SeededGenerator(seed: seed)
        var lines: [String] = []
        for i in 0..<count {
            let a = alkalis[Int(generator.next() % UInt64(alkalis.count))]
            let m = metals[Int(generator.next() % UInt64(metals.count))]
            let roll = generator.nextUnitDouble()
            let actions: [String], amounts: [(String, Double)]
            if roll < 0.1 {
                actions = ["dry_mixing", "heating", "quenching"]
                amounts = [(a, 1), (m, 1), ("O", 2)]
            } else if roll < 0.4 {
                actions = ["dry_mixing", "heating", "heating"]
                amounts = [(a, 2), (m, 1), ("O", 3)]
            } else {
                actions = ["dry_mixing", "heating"]
                amounts = [(a, 1), (m, 1), ("O", 2)]
            }
            let total = amounts.reduce(0) { $0 + $1.1 }
            let sorted = amounts.sorted { $0.0 < $1.0 }
            let formula = amounts.map { "\($0.0)\($0.1 == 1 ? "" : String(Int($0.1)))" }.joined()
            let object: [String: Any] = [
                "id": String(format: "r%04d", i), "composition": formula, "canonical_key": formula, "chemical_system": sorted.map(\.0).joined(separator: "-"),
                "target_elements": sorted.map(\.0), "target_fractions": sorted.map { $0.1 / total },
                "precursors": ["\(a)2CO3", "\(m)O"], "precursor_keys": ["\(a)2CO3", "\(m)O"], "actions": actions,
                "doi": "10.1000/synthetic.\(i)", "split": i % 5 == 0 ? "test" : "train", "provenance": ["synthetic:line \(i + 1)"],
            ]
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines.append(String(decoding: data ?? Data(), as: UTF8.self))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The synthetic model's predictions for every record of `text`, as prediction records.
    static func predict(_ text: String, seed: UInt64) throws -> [ReactionPredictionRecord] {
        var generator = SeededGenerator(seed: seed)
        var records: [ReactionPredictionRecord] = []
        for line in text.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let id = object["id"] as? String, let precursors = object["precursors"] as? [String],
                  let actions = object["actions"] as? [String], let elements = object["target_elements"] as? [String],
                  let fractions = object["target_fractions"] as? [Double] else { throw CocoaError(.coderReadCorrupt) }
            let a = String(precursors[0].prefix { $0 != "2" }), m = String(precursors[1].dropLast())
            let hard = actions.contains("quenching")
            var predicted: [String: Double]
            if hard {
                predicted = [a: 0.7, m: 0.1, "O": 0.2]
            } else if actions.count == 3 {
                predicted = [a: 2.0 / 6, m: 1.0 / 6, "O": 3.0 / 6]
            } else {
                predicted = [a: 0.25, m: 0.25, "O": 0.5]
            }
            for key in predicted.keys.sorted() { predicted[key, default: 0] += 0.02 * (generator.nextUnitDouble() - 0.5) }
            let sum = predicted.values.reduce(0, +)
            predicted = predicted.mapValues { $0 / sum }
            let observed = Dictionary(zip(elements, fractions), uniquingKeysWith: +)
            var embedding = [Float](repeating: 0, count: alkalis.count + metals.count + 4)
            if let ai = alkalis.firstIndex(of: a) { embedding[ai] = 1 }
            if let mi = metals.firstIndex(of: m) { embedding[alkalis.count + mi] = 1 }
            embedding[alkalis.count + metals.count] = Float(actions.filter { $0 == "heating" }.count)
            embedding[alkalis.count + metals.count + 1] = hard ? 1 : 0
            embedding[alkalis.count + metals.count + 2] = Float(generator.nextUnitDouble() * 0.1)
            embedding[alkalis.count + metals.count + 3] = Float(generator.nextUnitDouble() * 0.1)
            let uncertainty = hard ? 0.2 + 0.1 * generator.nextUnitDouble() : 0.01 + 0.02 * generator.nextUnitDouble()
            records.append(ReactionPredictionRecord(
                id: id, composition: object["composition"] as? String ?? "", doi: object["doi"] as? String ?? "",
                split: object["split"] as? String ?? "", precursors: precursors, actions: actions, predicted: predicted,
                observed: observed, l1: L1Distance.between(predicted, observed), elemd: nil, uncertainty: uncertainty, embedding: embedding))
        }
        return records
    }

    /// The predictions as the JSON lines `curate predict reaction --json` prints.
    static func jsonLines(_ records: [ReactionPredictionRecord]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n") + "\n"
    }
}
