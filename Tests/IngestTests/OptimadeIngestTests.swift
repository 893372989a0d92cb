import Chemistry
import Foundation
import Store
import XCTest
@testable import Ingest

/// `curate ingest optimade`: a made-up OQMD-style `structures` response following OPTIMADE v1.
final class OptimadeIngestTests: XCTestCase {
    func testStructuresAndProviderValues() throws {
        let path = try DFTFixtures.path("optimade-structures.json")
        let store = try CurateStore.inMemory()
        let report = try OptimadeIngester.ingest(path: path, into: store)
        XCTAssertEqual(report.layout, "optimade-structures")
        XCTAssertEqual([report.read, report.stored, report.duplicates, report.quarantined], [15, 11, 0, 4])
        XCTAssertEqual(report.quarantineByReason, [
            "optimade.unknown_species": 1, "optimade.composition_mismatch": 1, "optimade.wrong_type": 1, "value.unparsable": 1,
        ])
        let delafossite = try store.observations(canonicalKey: try Composition(formula: "CuAlO2").canonicalKey())
        XCTAssertEqual(delafossite.map(\.property), ["structure", "band_gap", "formation_energy_per_atom", "energy_above_hull"])
        let structure = try XCTUnwrap(delafossite.first)
        XCTAssertNil(structure.value)
        XCTAssertEqual(structure.qualifier, "structure")
        XCTAssertEqual(structure.formulaAsWritten, "AlCuO2")
        XCTAssertEqual(delafossite[2].value, -1.61291)
        XCTAssertEqual(delafossite[2].conditionsJSON, #"{"correction":"oqmd_published"}"#)

        let (records, recorded) = try OptimadeIngester.prepare(path: path)
        XCTAssertEqual(recorded["provider"], "oqmd")
        XCTAssertEqual(recorded["api_version"], "1.1.0")
        let structures = records.compactMap(\.observation).filter { $0.property == "structure" }
        XCTAssertEqual(structures.map { $0.metadata["id"] as? String }, ["4066011", "4061139", "fe-ni-fcc", "4000003"])
        XCTAssertEqual(structures.map { $0.metadata["space_group"] as? Int }, [166, 225, nil, 225])
        XCTAssertEqual(structures[2].metadata["space_group_error"] as? String, "disordered-site")
        XCTAssertTrue(structures.allSatisfy { $0.metadata["provider"] as? String == "oqmd" })
        let fields = records.compactMap(\.reason).map { "\($0.code) \($0.field ?? "-")" }
        XCTAssertEqual(fields, ["optimade.unknown_species species_at_sites[2]", "optimade.composition_mismatch chemical_formula_reduced",
                                "value.unparsable _oqmd_delta_e", "optimade.wrong_type type"])
    }

    func testSavedPagesAndBareResourceLists() throws {
        let directory = try TemporaryDirectory()
        let page = try String(contentsOfFile: try DFTFixtures.path("optimade-structures.json"), encoding: .utf8)
        let pages = try directory.write("pages.json", "[\(page),\(page)]")
        let (records, recorded) = try OptimadeIngester.prepare(path: pages)
        XCTAssertEqual(recorded["shape"], "responses")
        XCTAssertEqual(records.count, 30)
        XCTAssertEqual(records.first?.locator, "response 1 data[0] structure")
        let store = try CurateStore.inMemory()
        let report = try OptimadeIngester.ingest(path: pages, into: store)
        XCTAssertEqual([report.read, report.stored, report.duplicates, report.quarantined], [30, 11, 11, 8])

        let bare = try directory.write("bare.json", """
            [{"id": "mpf_1", "type": "structures", "attributes": {"elements": ["Fe", "O"], "elements_ratios": [0.4, 0.6],
              "_alexandria_e_above_hull": 0.012, "_alexandria_formation_energy_per_atom": -1.71}}]
            """)
        let (bareRecords, _) = try OptimadeIngester.prepare(path: bare)
        XCTAssertEqual(bareRecords.compactMap(\.observation).map(\.property), ["structure", "energy_above_hull", "formation_energy_per_atom"])
        XCTAssertEqual(bareRecords.first?.observation?.metadata["provider"] as? String, "alexandria")
        XCTAssertEqual(bareRecords.last?.observation?.correction, "alexandria_published")
    }

    func testReingestWritesNothingAndBrokenFilesLeaveTheStoreUnchanged() throws {
        let store = try CurateStore.inMemory()
        let path = try DFTFixtures.path("optimade-structures.json")
        _ = try OptimadeIngester.ingest(path: path, into: store)
        let hash = try store.contentHash()
        XCTAssertEqual(try OptimadeIngester.ingest(path: path, into: store).status, "unchanged")
        let directory = try TemporaryDirectory()
        let cut = try truncatedCopy(path, fraction: 0.7, name: "cut.json", in: directory)
        XCTAssertThrowsError(try OptimadeIngester.ingest(path: cut, into: store))
        let errors = try directory.write("errors.json", #"{"errors": [{"status": "400", "title": "Bad Request"}], "meta": {"api_version": "1.1.0"}}"#)
        XCTAssertThrowsError(try OptimadeIngester.ingest(path: errors, into: store)) { error in
            XCTAssertTrue(String(describing: error).contains("error response"), String(describing: error))
        }
        XCTAssertThrowsError(try OptimadeIngester.ingest(path: try SharedData.path("mp/emmet/Li-Fe-O.json.gz"), into: store)) { error in
            XCTAssertTrue(String(describing: error).contains("not an OPTIMADE response"), String(describing: error))
        }
        XCTAssertEqual(try store.contentHash(), hash)
        XCTAssertEqual(try store.runs().count, 1)
    }
}
