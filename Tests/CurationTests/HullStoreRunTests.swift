import Chemistry
import Curation
import Foundation
import Ingest
import Store
import XCTest

/// `curate hull --store`: selection by correction scheme, derived values written back with
/// provenance, identical entries giving an identical run.
final class HullStoreRunTests: XCTestCase {
    private func temporaryCSV(_ name: String, _ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hull-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func run(_ store: CurateStore, sources: [String] = [], chemsys: String? = nil) throws -> StoreHullJob.Report {
        try StoreHullJob.run(store: store, sources: sources, property: "formation_energy_per_atom", correction: nil,
                             chemsys: chemsys, requireElementalEntries: false, write: true, workers: 2, toolVersion: "test")
    }

    func testDerivedValuesAreRecordedOnceForIdenticalEntries() throws {
        let store = try CurateStore.inMemory()
        let path = try temporaryCSV("mp-small.csv", """
            task_id,composition,formation_energy_per_atom
            mp-1,LiO,-1.0
            mp-2,Li2O,-0.5
            mp-3,Fe2O3,-1.7
            mp-4,FeO,-1.6
            mp-5,Fe4O6,-1.5
            mp-6,LiFeO2,-1.5
            """)
        _ = try PropertyTableIngester.ingest(path: path, into: store, spec: .materialsProject)
        let first = try run(store)
        XCTAssertEqual(first.selection.correction, StoreHullSelection.unrecordedCorrection)
        XCTAssertEqual(first.selection.entryIds, ["mp-1", "mp-2", "mp-3", "mp-4", "mp-5", "mp-6"])
        XCTAssertEqual(first.hull.systemCount, 3)
        XCTAssertEqual(first.hull.implicitReferences, ["Li", "O", "Fe"])
        let runId = try XCTUnwrap(first.runId)
        XCTAssertFalse(first.reused)

        let runs = try store.hullRuns()
        XCTAssertEqual(runs.count, 1)
        XCTAssertEqual(runs[0].entryCount, 6)
        XCTAssertEqual(runs[0].stableCount, 4, "LiO, FeO, Fe2O3 and LiFeO2")
        XCTAssertEqual(runs[0].correction, "unrecorded")
        XCTAssertEqual(runs[0].method, StoreHullRun.method)
        XCTAssertEqual(runs[0].entriesSHA256.count, 64)
        XCTAssertEqual(runs[0].implicitReferences, "Li,O,Fe")

        let values = try store.derivedValues(runId: runId)
        XCTAssertEqual(values.count, 12)
        let byId = Dictionary(uniqueKeysWithValues: zip(first.selection.entryIds, first.selection.observationIds))
        let li2o = try XCTUnwrap(values.first { $0.observationId == byId["mp-2"] && $0.quantity == "e_above_hull" })
        XCTAssertEqual(li2o.value, 1.0 / 6, accuracy: 1e-12)
        XCTAssertEqual(li2o.unit, "eV/atom")
        XCTAssertFalse(li2o.stable)
        let json = try XCTUnwrap(li2o.decompositionJSON)
        XCTAssertTrue(json.hasPrefix("{\"Li\":"), json)
        let decomposition = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Double])
        XCTAssertEqual(Set(decomposition.keys), ["Li", "LiO"])
        XCTAssertEqual(decomposition["LiO"] ?? 0, 2.0 / 3, accuracy: 1e-12)
        let fe4o6 = try XCTUnwrap(values.first { $0.observationId == byId["mp-5"] && $0.quantity == "phase_separation_energy" })
        XCTAssertEqual(fe4o6.value, -1.5 + 1.28, accuracy: 1e-12, "relative to the hull without Fe2O3")

        let again = try run(store)
        XCTAssertEqual(again.runId, runId)
        XCTAssertTrue(again.reused)
        XCTAssertEqual(try store.hullRuns().count, 1)
        XCTAssertEqual(again.hull.results, first.hull.results)

        // New entries: a new run with another sha256, the first run untouched.
        let more = try temporaryCSV("mp-more.csv", "task_id,composition,formation_energy_per_atom\nmp-7,Li2O2,-1.1\n")
        _ = try PropertyTableIngester.ingest(path: more, into: store, spec: .materialsProject)
        let third = try run(store)
        XCTAssertFalse(third.reused)
        XCTAssertNotEqual(third.runId, runId)
        let after = try store.hullRuns()
        XCTAssertEqual(after.count, 2)
        XCTAssertNotEqual(after[0].entriesSHA256, after[1].entriesSHA256)
        XCTAssertEqual(try store.derivedValues(runId: runId), values)

        let filtered = try run(store, chemsys: "Li-O")
        XCTAssertEqual(filtered.selection.entryIds, ["mp-1", "mp-2", "mp-7"])
        XCTAssertEqual(filtered.hull.systemCount, 1)
    }

    private func input(_ id: Int, _ formula: String, _ value: Double?, correction: String?) throws -> CurationInput {
        let composition = try Composition(formula: formula)
        return CurationInput(observationId: id, sourceKind: "mp", sourceName: "mp", canonicalKey: composition.canonicalKey(),
                             reducedFormula: composition.reducedFormula, chemicalSystem: composition.chemicalSystem,
                             elementCount: composition.elementCount, formulaAsWritten: formula, value: value, unit: "eV/atom",
                             qualifier: "exact", conditionsJSON: correction.map { "{\"correction\":\"\($0)\"}" },
                             locator: "line \(id)", metadataJSON: id == 3 ? nil : "{\"id\":\"mp-\(id)\"}")
    }

    func testCorrectionSchemesAreNeverMixed() throws {
        let inputs = [
            try input(1, "LiO", -1, correction: "mp2020"), try input(2, "LiO", -0.9, correction: "none"),
            try input(3, "Li2O", -0.6, correction: "mp2020"), try input(4, "FeO", nil, correction: "mp2020"),
        ]
        XCTAssertThrowsError(try StoreHullSelection(inputs: inputs, property: "formation_energy_per_atom", correction: nil, chemsys: nil)) { error in
            XCTAssertEqual(error as? StoreHullError, .mixedCorrections(["mp2020", "none"]))
        }
        let selection = try StoreHullSelection(inputs: inputs, property: "formation_energy_per_atom", correction: "mp2020", chemsys: nil)
        XCTAssertEqual(selection.observationIds, [1, 3])
        XCTAssertEqual(selection.entryIds, ["mp-1", "mp:line 3"], "source:locator when metadata has no id")
        XCTAssertEqual(selection.skipped.map(\.observationId), [4])
        let other = try StoreHullSelection(inputs: inputs, property: "formation_energy_per_atom", correction: "none", chemsys: nil)
        XCTAssertEqual(other.observationIds, [2])
        XCTAssertNotEqual(other.entriesSHA256, selection.entriesSHA256)
        XCTAssertThrowsError(try StoreHullSelection(inputs: inputs, property: "x", correction: "mp2020", chemsys: "Li-Xx")) { error in
            XCTAssertEqual(error as? StoreHullError, .unknownElement("Xx"))
        }
    }
}
