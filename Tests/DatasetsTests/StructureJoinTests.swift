import Foundation
import Store
import XCTest
@testable import Datasets

/// `structure_join`: value observations gain the structure of the same entry id.
final class StructureJoinTests: XCTestCase {
    private func input(_ id: Int, key: String, formula: String, property value: Double?, source: String = "values",
                       metadata: String?) -> CurationInput {
        CurationInput(observationId: id, sourceKind: value == nil ? "cif" : "mp", sourceName: source, canonicalKey: key,
                      reducedFormula: formula, chemicalSystem: "", elementCount: 2, formulaAsWritten: formula, value: value,
                      unit: value == nil ? nil : "eV/atom", qualifier: "exact", conditionsJSON: nil,
                      locator: "line \(id)", metadataJSON: metadata)
    }

    func testJoinAddsStructureFieldsAndExcludesMismatchesAndAmbiguousIds() throws {
        let structures = [
            input(101, key: "Na0.5Cl0.5", formula: "NaCl", property: nil, source: "cifs",
                  metadata: #"{"id":"mp-22862","nsites":8,"ordered":true,"protostructure":"AB_cF8_225_a_b:Cl-Na","space_group":225,"volume":181.2}"#),
            input(102, key: "Mg0.333333O0.666667", formula: "MgO2", property: nil, source: "cifs",
                  metadata: #"{"id":"mp-7","protostructure":"AB2_cP12_205_a_c:Mg-O"}"#),
            input(103, key: "Cs0.5Cl0.5", formula: "CsCl", property: nil, source: "cifs",
                  metadata: #"{"id":"mp-9","protostructure":"AB_cP2_221_a_b:Cl-Cs"}"#),
            input(104, key: "Cs0.5Cl0.5", formula: "CsCl", property: nil, source: "cifs",
                  metadata: #"{"id":"mp-9","protostructure":"AB_cF8_225_a_b:Cl-Cs"}"#),
            input(105, key: "K0.5Br0.5", formula: "KBr", property: nil, source: "cifs", metadata: #"{"id":42,"protostructure":"AB_cF8_225_a_b:Br-K"}"#),
        ]
        let values = [
            input(1, key: "Na0.5Cl0.5", formula: "NaCl", property: -2.1, metadata: #"{"id":"mp-22862","e_above_hull":0}"#),
            input(2, key: "Mg0.5O0.5", formula: "MgO", property: -3.0, metadata: #"{"id":"mp-7"}"#),
            input(3, key: "Cs0.5Cl0.5", formula: "CsCl", property: -2.2, metadata: #"{"id":"mp-9"}"#),
            input(4, key: "Li0.5F0.5", formula: "LiF", property: -3.1, metadata: #"{"id":"mp-1"}"#),
            input(5, key: "Na0.5Cl0.5", formula: "NaCl", property: -2.0, metadata: #"{"id":"mp-22862","protostructure":"AB_cP2_221_a_b:Cl-Na"}"#),
            input(6, key: "K0.5Br0.5", formula: "KBr", property: -1.9, metadata: #"{"id":"42"}"#),
            input(7, key: "K0.5Br0.5", formula: "KBr", property: -1.8, metadata: nil),
        ]
        let outcome = StructureJoin.apply(values: values, structures: structures, key: "id")
        XCTAssertEqual(outcome.joined, 2)
        XCTAssertEqual(outcome.alreadyLabelled, 1)
        XCTAssertEqual(outcome.unmatched, 2)
        XCTAssertEqual(outcome.exclusions.map(\.observationId), [2, 3])
        XCTAssertEqual(outcome.exclusions.map(\.rule), ["structure_join_mismatch", "structure_join_ambiguous"])
        XCTAssertTrue(outcome.exclusions[0].reason.contains("MgO2") && outcome.exclusions[0].reason.contains("MgO"), outcome.exclusions[0].reason)
        XCTAssertEqual(outcome.inputs.map(\.observationId), [1, 4, 5, 6, 7], "excluded values are not passed on")

        let joined = try XCTUnwrap(outcome.inputs.first { $0.observationId == 1 }?.metadataJSON)
        let fields = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(joined.utf8)) as? [String: Any])
        XCTAssertEqual(fields["protostructure"] as? String, "AB_cF8_225_a_b:Cl-Na")
        XCTAssertEqual(fields["space_group"] as? Int, 225)
        XCTAssertEqual(fields["nsites"] as? Int, 8)
        XCTAssertEqual(fields["ordered"] as? Bool, true)
        XCTAssertEqual(fields["e_above_hull"] as? Int, 0, "the value's own fields stay")
        XCTAssertEqual(fields["structure_source"] as? String, "cifs")
        XCTAssertEqual(fields["structure_locator"] as? String, "line 101")
        XCTAssertEqual(outcome.inputs.first { $0.observationId == 5 }?.metadataJSON, values[4].metadataJSON, "a labelled value keeps its label")
        XCTAssertTrue(outcome.inputs.first { $0.observationId == 6 }?.metadataJSON?.contains("Br-K") ?? false,
                      "a numeric id matches its text form")
        XCTAssertEqual(outcome.inputs.first { $0.observationId == 7 }?.metadataJSON, nil)
    }

    /// Real files: rows of mp/roost-mp-formation.csv and CIFs of cif/mp (linked, not copied)
    /// released as a `wyckoff` dataset through `structure_join`.
    func testMPFormationEnergiesJoinToMPCIFsInARelease() throws {
        let table = try Paths.shared("mp/roost-mp-formation.csv")
        let cifFolder = try Paths.shared("cif/mp")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let linked = ["mp-10020", "mp-10033", "mp-1004526", "mvc-4607", "mp-10056", "mp-1001605"]
        try FileManager.default.createDirectory(atPath: directory + "/cifs", withIntermediateDirectories: true)
        for id in linked {
            try FileManager.default.createSymbolicLink(atPath: directory + "/cifs/\(id).cif", withDestinationPath: cifFolder + "/\(id).cif")
        }
        // Values: the table's rows for four linked CIFs and one without a CIF (mp-1006115); mp-10056
        // (a UCo3B2 CIF) gets a NaCl value, which the join must refuse. mp-1001605 has no value.
        let wanted: Set<String> = ["mp-10020", "mp-10033", "mp-1004526", "mvc-4607", "mp-1006115"]
        let lines = try String(contentsOfFile: table, encoding: .utf8).split(separator: "\n")
        var truth: [String: Double] = [:]
        var rows = [String(lines[0])]
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",")
            guard fields.count == 3, wanted.contains(String(fields[0])) else { continue }
            truth[String(fields[0])] = Double(fields[2])
            rows.append(String(line))
        }
        XCTAssertEqual(truth.count, 5)
        rows.append("mp-10056,NaCl,-2.0")
        try (rows.joined(separator: "\n") + "\n").write(toFile: directory + "/values.csv", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: Paths.datasets + "/mp-structures-formation.curation.json",
                                         toPath: directory + "/mp-structures-formation.curation.json")
        let spec = try String(contentsOfFile: Paths.datasets + "/mp-structures-formation.dataset.json", encoding: .utf8)
            .replacingOccurrences(of: "../../shared/data/mp/roost-mp-formation.csv", with: directory + "/values.csv")
            .replacingOccurrences(of: "../../shared/data/cif/mp", with: directory + "/cifs")
            .replacingOccurrences(of: #""strategy": "grouped", "group_by": "composition", "fractions": { "train": 0.8, "validation": 0.1, "test": 0.1 }"#,
                                  with: #""strategy": "random", "fractions": { "train": 0.5, "validation": 0.25, "test": 0.25 }"#)
        XCTAssertTrue(spec.contains("random"))
        try spec.write(toFile: directory + "/s.dataset.json", atomically: true, encoding: .utf8)
        let outcome = try DatasetRelease.release(specPath: directory + "/s.dataset.json", version: "1.0.0", dryRun: true)

        let text = try XCTUnwrap(outcome.files.contents["records.jsonl"].map { String(decoding: $0, as: UTF8.self) })
        var labels: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let ids = try XCTUnwrap(object["entry_ids"] as? [String])
            let label = try XCTUnwrap(object["protostructure"] as? String)
            XCTAssertEqual(String(label.split(separator: ":").last ?? ""), object["chemical_system"] as? String)
            let target = try XCTUnwrap(object["target"] as? Double)
            XCTAssertEqual(target, try XCTUnwrap(truth[ids[0]]), accuracy: 1e-12, ids[0])
            labels[ids[0]] = label
        }
        XCTAssertEqual(Set(labels.keys), ["mp-10020", "mp-10033", "mp-1004526", "mvc-4607"])
        XCTAssertEqual(labels["mp-10020"], "AB_cF8_225_a_b:C-Sc", "ScC has the rock-salt structure")
        let excluded = try XCTUnwrap(outcome.files.contents["excluded.csv"].map { String(decoding: $0, as: UTF8.self) })
        let mismatch = try XCTUnwrap(excluded.split(separator: "\n").first { $0.contains("structure_join_mismatch") }, excluded)
        XCTAssertTrue(mismatch.contains("UCo3B2") && mismatch.contains("NaCl"), String(mismatch))
        XCTAssertTrue(excluded.split(separator: "\n").contains { $0.contains("mp-1006115") || $0.contains("Ho3Pu") },
                      "the value without a CIF is in the ledger")
        let step = try XCTUnwrap(outcome.files.manifest.funnel.first)
        XCTAssertEqual(step.step, "structure join on id (4 joined, 0 already labelled, 1 without a structure of their id)")
        XCTAssertEqual(step.removed, 1)
    }

    func testSpecNamingAnUnlistedStructureSourceIsRejectedWithTheField() throws {
        let text = try String(contentsOfFile: Paths.datasets + "/mp-structures-formation.dataset.json", encoding: .utf8)
        let good = try DatasetSpec.decode(Data(text.utf8), path: "s.json")
        XCTAssertNoThrow(try good.validate(path: "s.json"))
        XCTAssertEqual(good.structureJoin, StructureJoinSpec(sources: ["mp-cifs"], key: "id"))
        let bad = try DatasetSpec.decode(Data(text.replacingOccurrences(of: #""sources": ["mp-cifs"]"#, with: #""sources": ["icsd"]"#).utf8),
                                         path: "s.json")
        XCTAssertThrowsError(try bad.validate(path: "s.json")) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("structure_join.sources[0]") && message.contains("icsd") && message.contains("s.json"), message)
        }
    }
}
