import Foundation
import XCTest

/// Real data files and scratch folders for the model workflow tests.
enum ModelWorkflowFixtures {
    /// The repository root (this file is Tests/CurateAppTests/ModelsWorkflows/…).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under ../shared/data beside the repository; fails the test loudly when absent.
    static func sharedFile(_ relative: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let path = repositoryRoot.appendingPathComponent("../shared/data/" + relative).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path) else {
            XCTFail("missing shared data file \(path)", file: file, line: line)
            throw CocoaError(.fileNoSuchFile)
        }
        return path
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("curateapp-models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The first `rows` rows of the OQMD test split as a CSV (id, composition, target) in `folder`.
    static func oqmdCSV(rows: Int, in folder: URL) throws -> String {
        let text = try String(contentsOfFile: try sharedFile("oqmd/roost-oqmd-256k-testsplit.csv"), encoding: .utf8)
        let path = folder.appendingPathComponent("oqmd.csv").path
        try Data((text.split(separator: "\n").prefix(rows + 1).joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// aviary's Wren examples (material_id, composition, E_f, protostructure; 68 rows).
    static func wrenCSV() throws -> String { try sharedFile("polymorphs/aviary-wren-examples.csv") }

    /// A small reaction release (`records.jsonl`): twelve light-element reactions, ten train, two test.
    static func reactionRelease(in folder: URL) throws -> String {
        func line(_ id: String, _ target: [(String, Double)], _ precursors: [String], _ actions: [String], _ split: String) -> String {
            let total = target.reduce(0) { $0 + $1.1 }
            let sorted = target.sorted { $0.0 < $1.0 }
            let object: [String: Any] = [
                "id": id, "composition": sorted.map { "\($0.0)\($0.1)" }.joined(), "canonical_key": id, "chemical_system": "",
                "target_elements": sorted.map(\.0), "target_fractions": sorted.map { $0.1 / total },
                "precursors": precursors, "precursor_keys": precursors, "actions": actions,
                "doi": "10.0/\(id)", "split": split, "provenance": ["fixture:\(id)"],
            ]
            return String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
        }
        let text = [
            line("r01", [("Li", 2), ("Si", 1), ("O", 3)], ["Li2CO3", "SiO2"], ["dry_mixing", "heating"], "train"),
            line("r02", [("Na", 1), ("Al", 1), ("O", 2)], ["Na2CO3", "Al2O3"], ["solution_mixing", "drying", "heating"], "train"),
            line("r03", [("Mg", 2), ("Si", 1), ("O", 4)], ["MgO", "SiO2"], [], "train"),
            line("r04", [("Ca", 1), ("Si", 1), ("O", 3)], ["CaCO3", "SiO2"], ["dry_mixing", "heating", "quenching"], "train"),
            line("r05", [("Li", 1), ("Al", 1), ("O", 2)], ["Li2CO3", "Al2O3"], ["dry_mixing", "shaping", "heating"], "train"),
            line("r06", [("K", 2), ("Mg", 1), ("Si", 1), ("O", 4)], ["K2CO3", "MgO", "SiO2"], ["liquid_grinding", "heating"], "train"),
            line("r07", [("Na", 1), ("Mg", 1), ("F", 3)], ["NaF", "MgF2"], ["dry_mixing", "heating"], "train"),
            line("r08", [("Li", 3), ("P", 1), ("O", 4)], ["Li2CO3", "P2O5"], ["dry_mixing", "heating"], "train"),
            line("r09", [("Ca", 1), ("Al", 2), ("O", 4)], ["CaO", "Al2O3"], ["heating"], "train"),
            line("r10", [("Na", 2), ("Si", 1), ("O", 3)], ["Na2CO3", "SiO2"], ["dry_mixing", "drying", "heating"], "train"),
            line("r11", [("Li", 4), ("Si", 1), ("O", 4)], ["Li2CO3", "SiO2"], ["dry_mixing", "heating"], "test"),
            line("r12", [("Ca", 2), ("Si", 1), ("O", 4)], ["CaCO3", "SiO2"], ["heating"], "test"),
        ].joined(separator: "\n") + "\n"
        let release = folder.appendingPathComponent("reactions")
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: release.appendingPathComponent("records.jsonl"))
        return release.path
    }
}
