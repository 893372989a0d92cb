import Foundation
import Store
import XCTest
@testable import CurateApp
@testable import Ingest

/// `curate ingest` as a library call: every registered kind goes through the one workflow and
/// the one driver; refusals leave the store as it was.
final class IngestWorkflowTests: XCTestCase {
    /// One real (or, for OPTIMADE and OQMD, small made-up) input per registered kind.
    func sampleInputs(in folder: TemporaryFolder) throws -> [String: (path: String, parameters: SourceParameters)] {
        let optimade = try TestPaths.inRepository("Tests/IngestTests/Fixtures/optimade-structures.json")
        let oqmd = try folder.write("oqmd-sample.csv", "id,composition,target\n1,NaCl,-2.1\n2,MgO,-3.0\n3,Xx2O,-1\n")
        return [
            "supercon": (try TestPaths.shared("supercon/stanev-2018.csv"), SourceParameters()),
            "oqmd": (oqmd, SourceParameters()),
            "mp": (try TestPaths.shared("mp/2023-02-07-mp-elemental-reference-entries.json"), SourceParameters()),
            "table": (try TestPaths.shared("exptgap/matbench_expt_gap.csv"),
                      SourceParameters(property: "band_gap_experimental", unit: "eV")),
            "synthesis": (try TestPaths.shared("synthesis/sol-gel-2020-schema-sample-40.json"), SourceParameters()),
            "wbm": (try TestPaths.shared("wbm/grace2l_r6-wbm-IS2RE-FIRE-bad.csv"), SourceParameters()),
            "optimade": (optimade, SourceParameters()),
            "cif": (try TestPaths.shared("cif/edge-cases/pymatgen"), SourceParameters()),
            "vasp": (try TestPaths.shared("vasp"), SourceParameters()),
            "structures": (try TestPaths.shared("polymorphs/aviary-wren-examples.csv"), SourceParameters()),
        ]
    }

    func testEveryRegisteredKindIngestsAndReingestsUnchanged() throws {
        let folder = try TemporaryFolder()
        let inputs = try sampleInputs(in: folder)
        let storePath = folder.file("store.sqlite")
        for kind in SourceRegistry.kinds {
            guard let input = inputs[kind] else { XCTFail("no sample input for the registered kind \(kind)"); continue }
            let report = try IngestWorkflow.run(kind: kind, path: input.path, storePath: storePath, parameters: input.parameters)
            XCTAssertEqual(report.status, "completed", kind)
            XCTAssertEqual(report.sourceKind, kind)
            XCTAssertGreaterThan(report.read, 0, kind)
            XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined, kind)
            let again = try IngestWorkflow.run(kind: kind, path: input.path, storePath: storePath, parameters: input.parameters)
            XCTAssertEqual(again.status, "unchanged", kind)
            XCTAssertEqual(again.runId, report.runId, kind)
            XCTAssertEqual(again.sha256, report.sha256, kind)
        }
        let runs = try CurateStore(path: storePath).runs()
        XCTAssertEqual(Set(runs.map(\.sourceName)), [
            "stanev-2018", "oqmd-sample", "2023-02-07-mp-elemental-reference-entries", "matbench_expt_gap",
            "sol-gel-2020-schema-sample-40", "grace2l_r6-wbm-IS2RE-FIRE-bad", "optimade-structures", "pymatgen", "vasp", "aviary-wren-examples",
        ])
    }

    func testReportCountsAndTextLinesOfARealFile() throws {
        let folder = try TemporaryFolder()
        let path = try TestPaths.shared("supercon/stanev-2018.csv")
        let report = try IngestWorkflow.run(kind: "supercon", path: path, storePath: folder.file("s.sqlite"),
                                            options: IngestOptions(sourceName: "stanev"))
        XCTAssertEqual(report.sourceName, "stanev")
        XCTAssertEqual(report.layout, "stanev")
        XCTAssertEqual(report.read, 16414, "one record per data row")
        let lines = report.textLines
        XCTAssertEqual(lines.first, report.summaryLine)
        XCTAssertEqual(lines.count, 1 + report.quarantineByReason.count)
        let reasons = report.quarantineByReason.keys.sorted()
        XCTAssertFalse(reasons.isEmpty, "the Stanev file has malformed formulas")
        XCTAssertEqual(Array(lines.dropFirst()), reasons.map { "  quarantined \($0): \(report.quarantineByReason[$0] ?? 0)" })
    }

    func testUnknownKindIsRefusedBeforeTheStoreIsOpened() throws {
        let folder = try TemporaryFolder()
        let storePath = folder.file("never.sqlite")
        XCTAssertThrowsError(try IngestWorkflow.run(kind: "icsd", path: "x.cif", storePath: storePath)) { error in
            XCTAssertEqual("\(error)", "unknown source kind \"icsd\"; known: cif, mp, optimade, oqmd, structures, supercon, synthesis, table, vasp, wbm")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: storePath), "the store is not even created")
    }

    func testFileLevelFailureLeavesTheStoreUnchanged() throws {
        let folder = try TemporaryFolder()
        let storePath = folder.file("s.sqlite")
        _ = try IngestWorkflow.run(kind: "supercon", path: try folder.write("good.csv", "name,Tc\nMgB2,39\n"), storePath: storePath)
        let before = try CurateStore(path: storePath).runs()
        let noFormula = try folder.write("bad.csv", "material,critical\nMgB2,39\n")
        XCTAssertThrowsError(try IngestWorkflow.run(kind: "supercon", path: noFormula, storePath: storePath)) { error in
            XCTAssertTrue("\(error)".hasPrefix("ingest failed, store unchanged: \(noFormula):1: "), "\(error)")
        }
        XCTAssertThrowsError(try IngestWorkflow.run(kind: "synthesis", path: folder.file("missing.json"), storePath: storePath)) { error in
            XCTAssertEqual("\(error)", "ingest failed, store unchanged: \(folder.file("missing.json")): cannot read: no such file")
        }
        XCTAssertEqual(try CurateStore(path: storePath).runs(), before)
    }

    func testTableParametersReachTheTableIngester() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("gaps.csv", "formula,value\nNaCl,8.5\nSi,1.1\n")
        let storePath = folder.file("s.sqlite")
        XCTAssertThrowsError(try IngestWorkflow.run(kind: "table", path: path, storePath: storePath)) { error in
            XCTAssertTrue("\(error)".contains("give --unit"), "\(error)")
        }
        let report = try IngestWorkflow.run(kind: "table", path: path, storePath: storePath,
                                            parameters: SourceParameters(property: "band_gap", unit: "eV"))
        XCTAssertEqual(report.stored, 2)
        let run = try XCTUnwrap(try CurateStore(path: storePath).runs().last)
        XCTAssertEqual(run.sourceName, "gaps")
        XCTAssertEqual(run.options["property"], "band_gap")
        XCTAssertEqual(run.options["unit"], "eV")
        XCTAssertEqual(run.options["layout"], report.layout)
    }

    /// One naming rule for every kind: the file name without one compression suffix and its
    /// extension (before, the CSV, synthesis and CIF ingesters kept `.csv`/`.json` of a `.gz`/`.xz` file).
    func testDefaultSourceNameIsTheSameRuleForEveryKind() {
        let options = IngestOptions()
        XCTAssertEqual(options.sourceName(for: "/d/solid-state_dataset_2019-12-03.json.xz"), "solid-state_dataset_2019-12-03")
        XCTAssertEqual(options.sourceName(for: "data/stanev-2018.csv"), "stanev-2018")
        XCTAssertEqual(options.sourceName(for: "data/oqmd.csv.gz"), "oqmd")
        XCTAssertEqual(options.sourceName(for: "Li-Fe-O.json.gz"), "Li-Fe-O")
        XCTAssertEqual(options.sourceName(for: "raw.gz"), "raw")
        XCTAssertEqual(options.sourceName(for: "cif/mp/"), "mp")
        XCTAssertEqual(options.sourceName(for: "mp-2019.04.01.json"), "mp-2019.04.01")
        XCTAssertEqual(options.sourceName(for: ".hidden"), ".hidden")
        XCTAssertEqual(IngestOptions(sourceName: "given").sourceName(for: "x.csv.gz"), "given")
    }
}
