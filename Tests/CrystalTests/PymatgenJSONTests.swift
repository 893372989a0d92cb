import Chemistry
import Crystal
import Foundation
import XCTest

/// pymatgen `Structure` and `ComputedEntry` dicts.
final class PymatgenJSONTests: XCTestCase {
    private var sharedData: URL { TestData.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data") }

    private func shared(_ relative: String) throws -> URL {
        let url = sharedData.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            XCTFail("missing test data \(url.path)")
            throw CocoaError(.fileNoSuchFile)
        }
        return url
    }

    func testAllPymatgenUtilStructuresRead() throws {
        let directory = try shared("structures/pymatgen-util")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(names.count, 21)
        for name in names {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            let read = try PymatgenStructure.read(json: data)
            let raw = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
            let sites = try XCTUnwrap(raw["sites"] as? [Any])
            XCTAssertEqual(read.structure.siteCount, sites.count, name)
            XCTAssertEqual(read.siteProperties.count, sites.count, name)
            if let volume = (raw["lattice"] as? [String: Any])?["volume"] as? Double {
                XCTAssertEqual(read.structure.volume, abs(volume), accuracy: 1e-6 * abs(volume), name)
            }
        }
        let lfp = try PymatgenStructure.read(json: Data(contentsOf: directory.appendingPathComponent("LiFePO4.json")))
        XCTAssertEqual(lfp.structure.composition.fractional, try Composition(formula: "LiFePO4").fractional)
        // LiFePO4.json has a left-handed matrix: axes a and b swap, Cartesian positions stay.
        XCTAssertTrue(lfp.swappedAxes)
        let first = lfp.structure.cartesianCoordinates[0]
        XCTAssertEqual(first.x, 10.357143773101606, accuracy: 1e-9)
        XCTAssertEqual(first.y, -6.065476709907294, accuracy: 1e-9)
    }

    func testElementalReferenceEntries() throws {
        for file in ["mp/2023-02-07-mp-elemental-reference-entries.json", "mp/2022-09-19-mp-elemental-reference-entries.json"] {
            let entries = try PymatgenEntryReader.entries(json: Data(contentsOf: try shared(file)))
            XCTAssertEqual(entries.count, 89, file)
            for keyed in entries {
                XCTAssertEqual(keyed.entry.composition.elements.map(\.symbol), [keyed.key], file)
            }
        }
        let newer = try PymatgenEntryReader.entries(json: Data(contentsOf: try shared("mp/2023-02-07-mp-elemental-reference-entries.json")))
        let neon = try XCTUnwrap(newer.first { $0.key == "Ne" }?.entry)
        XCTAssertEqual(neon.entryID, "mp-111-GGA")
        XCTAssertEqual(neon.energy, -0.02593678, accuracy: 1e-12)
        XCTAssertEqual(neon.runType, "GGA")
        XCTAssertEqual(neon.isHubbard, false)
        XCTAssertEqual(neon.materialID, "mp-111")
    }

    func testComputedStructureEntryWithAdjustments() throws {
        let json = """
        {"@class": "ComputedStructureEntry", "energy": -10.0, "composition": {"Fe": 1, "O": 1}, "entry_id": "x-1",
         "correction": -2.943,
         "energy_adjustments": [{"@class": "CompositionEnergyAdjustment", "adj_per_atom": -0.687, "n_atoms": 1.0,
            "name": "MP2020 anion correction (oxide)", "cls": {"@class": "MaterialsProject2020Compatibility"}},
            {"@class": "CompositionEnergyAdjustment", "adj_per_atom": -2.256, "n_atoms": 1.0, "name": "MP2020 GGA/GGA+U mixing correction (Fe)"}],
         "parameters": {"run_type": "GGA+U", "is_hubbard": true}, "data": {"material_id": "mp-1"},
         "structure": {"lattice": {"matrix": [[3, 0, 0], [0, 3, 0], [0, 0, 3]]},
           "sites": [{"species": [{"element": "Fe", "occu": 1, "oxidation_state": 2}], "abc": [0, 0, 0], "properties": {"magmom": 4.1}},
                     {"species": [{"element": "O", "occu": 1}], "abc": [0.5, 0.5, 0.5]}]}}
        """
        let entry = try XCTUnwrap(PymatgenEntryReader.entries(json: Data(json.utf8)).first?.entry)
        XCTAssertEqual(entry.correction, -2.943, accuracy: 1e-12)
        XCTAssertEqual(entry.energyPerAtom, (-10 - 2.943) / 2, accuracy: 1e-12)
        XCTAssertEqual(entry.uncorrectedEnergyPerAtom, -5, accuracy: 1e-12)
        XCTAssertEqual(entry.isHubbard, true)
        XCTAssertEqual(entry.adjustmentSchemes, ["MaterialsProject2020Compatibility"])
        XCTAssertEqual(entry.structure?.structure.sites[0].species[0].oxidationState, 2)
        XCTAssertEqual(entry.structure?.siteProperties[0]["magmom"], .number(4.1))
    }

    func testErrorsNameTheJSONPath() throws {
        func path(_ json: String) -> String? {
            do { _ = try PymatgenEntryReader.entries(json: Data(json.utf8)); return nil } catch { return "\(error.path) \(error.problem)" }
        }
        XCTAssertEqual(path(#"[{"energy": "x", "composition": {"O": 1}}]"#), "$[0].energy wrongType(expected: \"a number\")")
        XCTAssertEqual(path(#"[{"composition": {"O": 1}}]"#), "$[0].energy missing")
        XCTAssertEqual(path(#"[{"energy": 1, "composition": {"Xx": 1}}]"#)?.hasPrefix("$[0].composition.Xx invalidValue"), true)
        let badSite = #"{"energy": 1, "composition": {"O": 1}, "structure": {"lattice": {"matrix": [[1,0,0],[0,1,0],[0,0,1]]}, "sites": [{"species": [{"element": "O", "occu": true}], "abc": [0,0,0]}]}}"#
        XCTAssertEqual(path(badSite), "$.structure.sites[0].species[0].occu wrongType(expected: \"a number\")")
        XCTAssertEqual(path(#"[{"energy": 1, "composition": {"O": 1}, "correction": 1, "energy_adjustments": [{"value": 2}]}]"#)?.hasPrefix("$[0].correction invalidValue"), true)
        XCTAssertEqual(path("{not json")?.hasPrefix("$ notJSON"), true)
    }
}
