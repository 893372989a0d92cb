import Foundation
@testable import Models

/// Small reaction releases (`records.jsonl` text) for the reaction-model tests.
enum ReactionFixtures {
    /// One JSON line in the release format; `target` fractions are normalised here.
    static func line(_ id: String, target: [(String, Double)], precursors: [String], actions: [String], split: String) -> String {
        let total = target.reduce(0) { $0 + $1.1 }
        let sorted = target.sorted { $0.0 < $1.0 }
        let object: [String: Any] = [
            "id": id, "composition": sorted.map { "\($0.0)\($0.1)" }.joined(), "canonical_key": id, "chemical_system": "",
            "target_elements": sorted.map(\.0), "target_fractions": sorted.map { $0.1 / total },
            "precursors": precursors, "precursor_keys": precursors, "actions": actions,
            "doi": "10.0/\(id)", "split": split, "provenance": ["fixture:\(id)"],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Twelve reactions of light elements (Z ≤ 20): ten train, two test.
    static let text: String = [
        line("r01", target: [("Li", 2), ("Si", 1), ("O", 3)], precursors: ["Li2CO3", "SiO2"], actions: ["dry_mixing", "heating"], split: "train"),
        line("r02", target: [("Na", 1), ("Al", 1), ("O", 2)], precursors: ["Na2CO3", "Al2O3"], actions: ["solution_mixing", "drying", "heating"], split: "train"),
        line("r03", target: [("Mg", 2), ("Si", 1), ("O", 4)], precursors: ["MgO", "SiO2"], actions: [], split: "train"),
        line("r04", target: [("Ca", 1), ("Si", 1), ("O", 3)], precursors: ["CaCO3", "SiO2"], actions: ["dry_mixing", "heating", "heating", "quenching"], split: "train"),
        line("r05", target: [("Li", 1), ("Al", 1), ("O", 2)], precursors: ["Li2CO3", "Al2O3"], actions: ["dry_mixing", "shaping", "heating"], split: "train"),
        line("r06", target: [("K", 2), ("Mg", 1), ("Si", 1), ("O", 4)], precursors: ["K2CO3", "MgO", "SiO2"], actions: ["liquid_grinding", "heating"], split: "train"),
        line("r07", target: [("Na", 1), ("Mg", 1), ("F", 3)], precursors: ["NaF", "MgF2"], actions: ["dry_mixing", "heating", "sintering"], split: "train"),
        line("r08", target: [("Li", 3), ("P", 1), ("O", 4)], precursors: ["Li2CO3", "P2O5"], actions: ["dry_mixing", "heating"], split: "train"),
        line("r09", target: [("Ca", 1), ("Al", 2), ("O", 4)], precursors: ["CaO", "Al2O3"], actions: ["heating"], split: "train"),
        line("r10", target: [("Na", 2), ("Si", 1), ("O", 3)], precursors: ["Na2CO3", "SiO2"], actions: ["dry_mixing", "drying", "heating"], split: "train"),
        line("r11", target: [("Li", 4), ("Si", 1), ("O", 4)], precursors: ["Li2CO3", "SiO2"], actions: ["dry_mixing", "heating"], split: "test"),
        line("r12", target: [("Ca", 2), ("Si", 1), ("O", 4)], precursors: ["CaCO3", "SiO2"], actions: ["heating"], split: "test"),
    ].joined(separator: "\n") + "\n"

    /// The fixture parsed.
    static func samples() throws -> [ReactionSample] {
        try ReactionDataset.parse(text, path: "fixture.jsonl")
    }

    /// Writes `text` as `records.jsonl` in a fresh directory and returns the directory.
    static func release(_ text: String = ReactionFixtures.text) throws -> String {
        let directory = try TestData.temporaryDirectory()
        try Data(text.utf8).write(to: directory.appendingPathComponent("records.jsonl"))
        return directory.path
    }

    /// A micro architecture over elements Z ≤ 20 for gradient checks and quick training.
    static func microConfig(actionDimension: Int) -> ReactionConfig {
        ReactionConfig(actionDimension: actionDimension, nodeDimension: 5, messageLayers: 2, messageHeads: 2, messageHidden: 4,
                       poolingHeads: 2, poolingHidden: 4, classifierHidden: [6], elementCount: 20, elementEmbeddingDimension: 3,
                       stoichiometryHidden: [5])
    }

    /// A small action encoder configuration.
    static let microEncoder = ActionEncoderConfig(embeddingDimension: 3, hidden: 4, maxLength: 3)
}
