import Crystal
import Foundation
import Store
import XCTest
@testable import Ingest

/// `curate ingest structures` on the real polymorph benchmarks (FLLA's matminer CSV, CDVAE's
/// perov_5 CIF-column CSV, aviary's Wren CSV): every row accounted for, labels on every record,
/// the polymorph counts the data README states, and the parsed cells checked against pymatgen.
final class StructureTableIngestTests: XCTestCase {
    /// Distinct protostructure labels per composition among `records` with `property`.
    private func labelsByComposition(_ records: [PreparedRecord], property: String) -> [String: Set<String>] {
        var labels: [String: Set<String>] = [:]
        for observation in records.compactMap(\.observation) where observation.property == property {
            guard let label = observation.metadata["protostructure"] as? String else { continue }
            labels[observation.material.canonicalKey, default: []].insert(label)
        }
        return labels
    }

    func testFLLAMatminerCSVReadsEveryStructure() throws {
        let path = try SharedData.path("polymorphs/flla_2015.csv.xz")
        let (layout, records) = try StructureTableIngester.prepare(path: path)
        XCTAssertEqual(layout, "matminer-csv")
        XCTAssertEqual(reasonCounts(records), [:], "every FLLA structure reads")
        let formation = records.compactMap(\.observation).filter { $0.property == "formation_energy_per_atom" }
        XCTAssertEqual(formation.count, 3938)
        XCTAssertEqual(Set(formation.compactMap { $0.metadata["id"] as? String }).count, 3938)
        XCTAssertEqual(formation.filter { $0.unit == "eV/atom" }.count, 3938)
        // Three values per row (e_above_hull, formation_energy_per_atom, formation_energy), lines after the `# ref:` comment.
        XCTAssertEqual(records.count, 3 * 3938)
        XCTAssertEqual(records.first?.line, 3)
        XCTAssertEqual(records.first?.locator, "row 1 e_above_hull")
        let labelled = formation.filter { $0.metadata["protostructure"] != nil }
        XCTAssertEqual(labelled.count, 3938, "every FLLA structure is ordered and gets a label")
        let ids = Dictionary(grouping: formation, by: { $0.material.canonicalKey }).filter { $0.value.count >= 2 }
        XCTAssertEqual(ids.count, 141, "compositions with two or more rows (pandas + pymatgen reduced formulas)")
        let polymorphs = labelsByComposition(records, property: "formation_energy_per_atom").filter { $0.value.count >= 2 }
        XCTAssertGreaterThanOrEqual(polymorphs.count, 120)
        XCTAssertLessThanOrEqual(polymorphs.count, 141)
    }

    func testPerov5CIFColumnReadsEveryCell() throws {
        let path = try SharedData.path("polymorphs/perov_5_test.csv.xz")
        let (layout, records) = try StructureTableIngester.prepare(path: path)
        XCTAssertEqual(layout, "cif-csv")
        XCTAssertEqual(reasonCounts(records), [:])
        let heat = records.compactMap(\.observation).filter { $0.property == "heat_ref" }
        XCTAssertEqual(heat.count, 3785)
        XCTAssertTrue(heat.allSatisfy { $0.metadata["nsites"] as? Int == 5 })
        XCTAssertTrue(heat.allSatisfy { $0.metadata["protostructure"] != nil })
        // The first row starts on line 2 and spans the whole CIF (multi-line quoted field).
        XCTAssertEqual(records.first?.line, 2)
        XCTAssertTrue(records.first?.rawContent.contains("_atom_site_occupancy") ?? false)
        XCTAssertEqual(records.first?.rawContent.hasPrefix("996,3961,\"# generated using pymatgen"), true)
        let polymorphs = labelsByComposition(records, property: "heat_ref").filter { $0.value.count >= 2 }
        XCTAssertEqual(polymorphs.count, 376, "A/B-site swaps of one composition (data README)")
        XCTAssertEqual(Set(heat.map(\.material.canonicalKey)).count, 3409)
    }

    func testAviaryWrenCSVKeepsLabels() throws {
        let path = try SharedData.path("polymorphs/aviary-wren-examples.csv")
        let (layout, records) = try StructureTableIngester.prepare(path: path)
        XCTAssertEqual(layout, "wren-csv")
        XCTAssertEqual(reasonCounts(records), [:])
        let values = records.compactMap(\.observation)
        XCTAssertEqual(values.count, 68)
        XCTAssertTrue(values.allSatisfy { $0.property == "formation_energy_per_atom" && $0.unit == "eV/atom" })
        XCTAssertEqual(values[1].metadata["protostructure"] as? String, "AB6C3_hR30_160_a_2b_b:Hf-N-Zn")
        XCTAssertEqual(values[1].metadata["space_group"] as? Int, 160)
        XCTAssertEqual(labelsByComposition(records, property: "formation_energy_per_atom").filter { $0.value.count >= 2 }.count, 6)
    }

    func testWrenCSVThroughTheStoreAccountsForEveryRecord() throws {
        // perov_5 and FLLA go through the store in the release tests (datasets/perov5-heat, flla-formation).
        let store = try CurateStore.inMemory()
        let path = try SharedData.path("polymorphs/aviary-wren-examples.csv")
        let report = try StructureTableIngester().ingest(path: path, into: store)
        XCTAssertEqual(report.read, 68)
        XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined)
        XCTAssertEqual(report.quarantined, 0)
        XCTAssertEqual(report.layout, "wren-csv")
        let hash = try store.contentHash()
        XCTAssertEqual(try StructureTableIngester().ingest(path: path, into: store).status, "unchanged")
        XCTAssertEqual(try store.contentHash(), hash)
        XCTAssertEqual(try store.curationInputs(property: "formation_energy_per_atom", sources: []).count, report.stored)
    }

    /// The fixture written by scripts/polymorph-pymatgen-fixture.py: pymatgen's reading of ~30 rows.
    func testSampleAgreesWithPymatgen() throws {
        let fixture = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: DFTFixtures.path("polymorph-pymatgen.json")))) as? [[String: Any]]
        let expected = try XCTUnwrap(fixture)
        XCTAssertEqual(expected.count, 31)
        var tables: [String: BenchmarkTable] = [:]
        for file in Set(expected.compactMap { $0["file"] as? String }) {
            tables[file] = try StructureTableIngester.table(path: SharedData.path("polymorphs/" + file), options: IngestOptions())
        }
        for row in expected {
            let file = try XCTUnwrap(row["file"] as? String), number = try XCTUnwrap(row["row"] as? Int)
            let table = try XCTUnwrap(tables[file])
            let cells = table.rows[number - 1].cells
            let context = "\(file) row \(number)"
            XCTAssertEqual(cells[table.header.firstIndex(of: "material_id") ?? 0], "\(row["id"] ?? "")", context)
            let facts = file.hasPrefix("perov")
                ? try BenchmarkRowInterpreter.cif(cells[try XCTUnwrap(table.header.firstIndex(of: "cif"))], field: "cif", reading: CIFReadOptions())
                : try BenchmarkRowInterpreter.pymatgen(cells[try XCTUnwrap(table.header.firstIndex(of: "structure"))], field: "structure")
            let structure = try XCTUnwrap(facts.structure)
            let parameters = structure.lattice.parameters
            let abc = try XCTUnwrap(row["abc"] as? [Double]), angles = try XCTUnwrap(row["angles"] as? [Double])
            for (mine, theirs) in zip([parameters.a, parameters.b, parameters.c], abc) { XCTAssertEqual(mine, theirs, accuracy: 1e-5, context) }
            for (mine, theirs) in zip([parameters.alpha, parameters.beta, parameters.gamma], angles) { XCTAssertEqual(mine, theirs, accuracy: 1e-4, context) }
            XCTAssertEqual(structure.volume, try XCTUnwrap(row["volume"] as? Double), accuracy: 1e-4, context)
            XCTAssertEqual(structure.siteCount, row["nsites"] as? Int, context)
            let composition = try XCTUnwrap(row["composition"] as? [String: Double])
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: structure.composition.entries.map { ($0.element.symbol, $0.amount) }), composition, context)
            XCTAssertEqual(facts.metadata["space_group"], "\(row["space_group"] ?? "")", context)
        }
    }
}
