import Chemistry
import Foundation
import Store
import XCTest
@testable import Ingest

/// `curate ingest mp` for JSON: the 375 Li-Fe-O `ComputedStructureEntry` dicts (checked against
/// pymatgen, `scripts/make-dft-ingest-fixture.py`), the elemental-reference files, the emmet
/// documents, and made-up fixtures with malformed records.
final class MaterialsProjectJSONIngestTests: XCTestCase {
    private struct Expected: Decodable {
        struct Entry: Decodable {
            let uncorrected_energy_per_atom: Double
            let energy_per_atom: Double
            let formation_energy_per_atom: Double
            let run_type: String
            let space_group: Int
            let adjusted: Bool
        }
        let entry_count: Int
        let entries: [String: Entry]
    }

    func testLiFeOEntriesMatchPymatgen() throws {
        let path = try SharedData.path("mp/emmet/Li-Fe-O.json.gz")
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: try DFTFixtures.path("li-fe-o-entries.json"))))
        XCTAssertEqual(expected.entry_count, 375)
        let prepared = try MaterialsProjectJSONIngester.prepare(path: path)
        XCTAssertEqual(prepared.layout, "mp-json-entries")
        XCTAssertEqual(prepared.recorded["records"], "375")
        let observations = prepared.records.compactMap(\.observation)
        XCTAssertEqual(observations.count, prepared.records.count)
        XCTAssertEqual(Set(observations.compactMap { $0.metadata["id"] as? String }), Set(expected.entries.keys))

        var checked: [String: Int] = [:]
        for observation in observations {
            let id = try XCTUnwrap(observation.metadata["id"] as? String)
            let entry = try XCTUnwrap(expected.entries[id], id)
            XCTAssertEqual(observation.conditions["run_type"] as? String, entry.run_type, id)
            XCTAssertEqual(observation.metadata["space_group"] as? Int, entry.space_group, id)
            let value = try XCTUnwrap(observation.value)
            switch (observation.property, observation.correction) {
            case ("energy_per_atom", "none"?):
                XCTAssertEqual(value, entry.uncorrected_energy_per_atom, accuracy: 1e-12, id)
            case ("energy_per_atom", "mp2020"?):
                XCTAssertEqual(value, entry.energy_per_atom, accuracy: 1e-12, id)
                XCTAssertEqual(observation.metadata["correction_basis"] as? String, entry.adjusted ? "adjustments" : "file", id)
            case ("formation_energy_per_atom", "mp2020"?):
                XCTAssertEqual(value, entry.formation_energy_per_atom, accuracy: 1e-9, id)
            default:
                XCTFail("unexpected \(observation.property) \(observation.conditionsJSON ?? "")")
            }
            checked["\(observation.property) \(observation.correction ?? "")", default: 0] += 1
        }
        XCTAssertEqual(checked, ["energy_per_atom none": 375, "energy_per_atom mp2020": 375, "formation_energy_per_atom mp2020": 375])

        let store = try CurateStore.inMemory()
        let report = try MaterialsProjectJSONIngester.ingest(path: path, into: store)
        XCTAssertEqual([report.read, report.stored, report.duplicates, report.quarantined], [1125, 1125, 0, 0])
        XCTAssertEqual(report.sourceName, "Li-Fe-O")
        XCTAssertEqual(report.sourceKind, "mp")
    }

    func testElementalReferenceFiles() throws {
        for (file, className) in [("mp/2022-09-19-mp-elemental-reference-entries.json", "PDEntry"),
                                  ("mp/2023-02-07-mp-elemental-reference-entries.json", "ComputedEntry")] {
            let path = try SharedData.path(file)
            let prepared = try MaterialsProjectJSONIngester.prepare(path: path)
            let observations = prepared.records.compactMap(\.observation)
            XCTAssertEqual(observations.count, prepared.records.count, file)
            XCTAssertEqual(Set(observations.compactMap { $0.metadata["key"] as? String }).count, 89, file)
            XCTAssertTrue(observations.allSatisfy { $0.metadata["class"] as? String == className }, file)
            // Each file holds one entry per element: each is its own reference.
            let formation = observations.filter { $0.property == "formation_energy_per_atom" }
            XCTAssertEqual(formation.count, 89, file)
            XCTAssertTrue(formation.allSatisfy { abs($0.value ?? .nan) < 1e-12 && $0.correction == "none" }, file)
            let store = try CurateStore.inMemory()
            let report = try MaterialsProjectJSONIngester.ingest(path: path, into: store)
            XCTAssertEqual([report.read, report.stored, report.quarantined], [178, 178, 0], file)
        }
        let store = try CurateStore.inMemory()
        _ = try MaterialsProjectJSONIngester.ingest(path: try SharedData.path("mp/2023-02-07-mp-elemental-reference-entries.json"), into: store)
        let iron = try store.observations(canonicalKey: try Composition(formula: "Fe").canonicalKey())
        XCTAssertEqual(iron.first { $0.property == "energy_per_atom" }?.value, -8.47002121)
        XCTAssertEqual(iron.first?.conditionsJSON, #"{"correction":"none","run_type":"GGA"}"#)
    }

    func testEmmetDocuments() throws {
        let materials = try MaterialsProjectJSONIngester.prepare(path: try SharedData.path("mp/emmet/materials_Li_Fe_V.json.gz"))
        XCTAssertEqual(materials.layout, "mp-json-documents")
        let observations = materials.records.compactMap(\.observation)
        XCTAssertEqual(observations.count, 42) // 21 documents: energy per atom and band gap each
        XCTAssertEqual(observations.filter { $0.property == "energy_per_atom" }.count, 21)
        XCTAssertTrue(observations.filter { $0.property == "energy_per_atom" }.allSatisfy { $0.correction == "none" })
        let iron = try XCTUnwrap(observations.first { $0.metadata["id"] as? String == "mp-136" && $0.property == "energy_per_atom" })
        XCTAssertEqual(iron.value, -8.372147365)
        XCTAssertEqual(iron.metadata["space_group"] as? Int, 194)
        XCTAssertEqual(iron.metadata["space_group_source"] as? String, "document")
        XCTAssertEqual(iron.conditions["run_type"] as? String, "GGA")

        let magnetism = try MaterialsProjectJSONIngester.prepare(path: try SharedData.path("mp/emmet/magnetism_magnetism_mats_sample.json.gz"))
        XCTAssertEqual(magnetism.records.count, 10)
        XCTAssertTrue(magnetism.records.allSatisfy { $0.observation?.property == "structure" && $0.observation?.value == nil })
        XCTAssertTrue(magnetism.records.allSatisfy { $0.observation?.metadata["space_group_source"] as? String == "spglib" })

        let task = try MaterialsProjectJSONIngester.prepare(path: try SharedData.path("mp/emmet/task_doc_mp-2766060.json.gz"))
        XCTAssertEqual(task.records.count, 1)
        let energy = try XCTUnwrap(task.records.first?.observation)
        XCTAssertEqual(energy.value, -7.84967153375)
        XCTAssertEqual(energy.formulaAsWritten, "CrAs")
        XCTAssertEqual(energy.conditionsJSON, #"{"correction":"none","run_type":"PBESol"}"#)

        for file in ["thermo_Fe2O3a_structure", "thermo_Fe3O4_structure"] {
            let structure = try MaterialsProjectJSONIngester.prepare(path: try SharedData.path("mp/emmet/\(file).json.gz"))
            XCTAssertEqual(structure.layout, "mp-json-structures")
            XCTAssertEqual(structure.records.compactMap(\.observation).map(\.property), ["structure"], file)
        }
    }

    func testMalformedEntriesAreQuarantinedWithReasons() throws {
        let path = try DFTFixtures.path("mp-entries-sample.json")
        let prepared = try MaterialsProjectJSONIngester.prepare(path: path)
        XCTAssertEqual(reasonCounts(prepared.records), [
            "entry.composition_mismatch": 1, "entry.unknown_element": 1, "entry.missing_field": 1,
            "record.malformed_json": 2, "record.unknown_kind": 1,
        ])
        let fields = prepared.records.compactMap(\.reason).map { "\($0.code) \($0.field ?? "-")" }
        XCTAssertTrue(fields.contains("entry.composition_mismatch structure"), "\(fields)")
        XCTAssertTrue(fields.contains("entry.unknown_element composition.Xx"), "\(fields)")
        XCTAssertTrue(fields.contains("entry.missing_field energy"), "\(fields)")
        XCTAssertTrue(prepared.records.compactMap(\.reason).contains { $0.message.contains("NaN is not a JSON number") })
        // Li2O, from the lowest-energy Li and O entries of the same file, MP2020 state.
        let formation = try XCTUnwrap(prepared.records.compactMap(\.observation)
            .first { $0.property == "formation_energy_per_atom" && $0.metadata["id"] as? String == "mp-1960-GGA" })
        XCTAssertEqual(formation.correction, "mp2020")
        XCTAssertEqual(try XCTUnwrap(formation.value), ((-14.31322 - 0.687) - (2 * -1.9089228533 + -39.58 / 8)) / 3, accuracy: 1e-12)

        let store = try CurateStore.inMemory()
        let report = try MaterialsProjectJSONIngester.ingest(path: path, into: store)
        XCTAssertEqual([report.read, report.stored, report.duplicates, report.quarantined], [15, 9, 0, 6])
    }

    func testDocumentsStateTheirCorrectionScheme() throws {
        let path = try DFTFixtures.path("mp-summary-docs.json")
        let store = try CurateStore.inMemory()
        let report = try MaterialsProjectJSONIngester.ingest(path: path, into: store)
        XCTAssertEqual([report.read, report.stored, report.duplicates, report.quarantined], [10, 7, 0, 3])
        XCTAssertEqual(report.quarantineByReason, ["document.formula_mismatch": 1, "document.invalid_composition": 1, "value.unparsable": 1])
        let lithia = try store.observations(canonicalKey: try Composition(formula: "Li2O").canonicalKey())
        let byKind = Dictionary(uniqueKeysWithValues: lithia.map { ("\($0.property) \($0.conditionsJSON ?? "")", $0.value ?? .nan) })
        XCTAssertEqual(byKind, [
            #"energy_per_atom {"correction":"none"}"#: -4.77107,
            #"energy_per_atom {"correction":"mp2020"}"#: -5.00007,
            #"formation_energy_per_atom {"correction":"mp2020"}"#: -2.0783,
            #"energy_above_hull {"correction":"mp2020"}"#: 0,
            "band_gap ": 4.9083,
        ])
        let manganese = try store.observations(canonicalKey: try Composition(formula: "Mn").canonicalKey())
        XCTAssertEqual(Set(manganese.compactMap(\.conditionsJSON)), [#"{"correction":"none"}"#]) // r2SCAN thermo: uncorrected
        let prepared = try MaterialsProjectJSONIngester.prepare(path: path)
        XCTAssertEqual(prepared.records.first?.observation?.metadata["space_group"] as? Int, 225)
    }

    func testTheMPCommandStillReadsCompositionTables() throws {
        XCTAssertEqual(try DFTFileKind.detect(path: try SharedData.path("mp/roost-mp-formation.csv")), .table)
        XCTAssertEqual(try DFTFileKind.detect(path: try SharedData.path("mp/emmet/Li-Fe-O.json.gz")), .json)
        XCTAssertEqual(try DFTFileKind.detect(path: try SharedData.path("mp/2022-09-19-mp-elemental-reference-entries.json")), .json)
    }

    func testReingestWritesNothingAndBrokenFilesLeaveTheStoreUnchanged() throws {
        let store = try CurateStore.inMemory()
        let path = try SharedData.path("mp/emmet/Li-Fe-O.json.gz")
        _ = try MaterialsProjectJSONIngester.ingest(path: path, into: store)
        let hash = try store.contentHash()
        XCTAssertEqual(try MaterialsProjectJSONIngester.ingest(path: path, into: store).status, "unchanged")
        XCTAssertEqual(try store.contentHash(), hash)

        let directory = try TemporaryDirectory()
        let cutGzip = try truncatedCopy(path, fraction: 0.5, name: "cut.json.gz", in: directory)
        XCTAssertThrowsError(try MaterialsProjectJSONIngester.ingest(path: cutGzip, into: store)) { error in
            XCTAssertTrue(String(describing: error).contains("truncated"), String(describing: error))
        }
        let cutJSON = try truncatedCopy(try SharedData.path("mp/2023-02-07-mp-elemental-reference-entries.json"), fraction: 0.5,
                                        name: "cut.json", in: directory)
        XCTAssertThrowsError(try MaterialsProjectJSONIngester.ingest(path: cutJSON, into: store)) { error in
            XCTAssertTrue(String(describing: error).contains("truncated"), String(describing: error))
        }
        let garbage = try directory.write("garbage.json", "this is not JSON at all")
        XCTAssertThrowsError(try MaterialsProjectJSONIngester.ingest(path: garbage, into: store))
        XCTAssertEqual(try store.contentHash(), hash)
        XCTAssertEqual(try store.runs().count, 1)
    }
}
