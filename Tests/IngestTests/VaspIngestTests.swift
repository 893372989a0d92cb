import Foundation
import Store
import XCTest
@testable import Ingest

/// `curate ingest vasp` on the real vasprun.xml files in ../shared/data/vasp, checked against
/// pymatgen's `Vasprun` (Fixtures/vasp-pymatgen.json, made by scripts/make-vasp-fixture.py).
final class VaspIngestTests: XCTestCase {
    private struct Reference: Decodable {
        var final_energy: Double?
        var natoms: Int?
        var lattice: [[Double]]?
        var composition: [String: Double]?
        var converged_electronic: Bool?
        var converged_ionic: Bool?
        var run_type: String?
        var ionic_steps: Int?
        var vasp_version: String?
        var error: String?
    }

    private func references() throws -> [String: Reference] {
        struct File: Decodable { var files: [String: Reference] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: DFTFixtures.path("vasp-pymatgen.json")))).files
    }

    func testEveryFilePymatgenReadsAgreesWithPymatgen() throws {
        let folder = try SharedData.path("vasp")
        let references = try references()
        XCTAssertEqual(references.count, 13)
        var compared = 0
        for (name, reference) in references.sorted(by: { $0.key < $1.key }) {
            let run = try VasprunFile.read(path: folder + "/" + name)
            let assessment = VaspRunAssessment(run)
            guard reference.error == nil else {
                // pymatgen refuses the file as malformed XML: so does libxml2, and says where.
                XCTAssertNotNil(run.truncation, name)
                continue
            }
            compared += 1
            XCTAssertNil(run.truncation, name)
            XCTAssertEqual(assessment.finalEnergy ?? .nan, reference.final_energy ?? .infinity, accuracy: 1e-8, name)
            XCTAssertEqual(assessment.convergedElectronic, reference.converged_electronic, name)
            XCTAssertEqual(assessment.convergedIonic, reference.converged_ionic, name)
            XCTAssertEqual(assessment.runType, reference.run_type, name)
            XCTAssertEqual(run.ionicSteps.count, reference.ionic_steps, name)
            XCTAssertEqual(run.version?.lowercased(), reference.vasp_version?.lowercased(), name)  // pymatgen lowercases it
            let structure = try assessment.finalStructure()
            XCTAssertEqual(structure.siteCount, reference.natoms, name)
            let rows = [structure.lattice.matrix.r0, structure.lattice.matrix.r1, structure.lattice.matrix.r2]
            for (row, expected) in zip(rows, reference.lattice ?? []) {
                for axis in 0..<3 { XCTAssertEqual(row[axis], expected[axis], accuracy: 1e-9, name) }
            }
            let amounts = Dictionary(uniqueKeysWithValues: structure.composition.entries.map { ($0.element.symbol, $0.amount) })
            XCTAssertEqual(amounts, reference.composition, name)
        }
        XCTAssertEqual(compared, 11)
    }

    func testFolderIngestStoresConvergedRunsAndQuarantinesTheRestWithReasons() throws {
        let folder = try SharedData.path("vasp")
        let store = try CurateStore.inMemory()
        let report = try VaspIngester().ingest(path: folder, into: store)
        // 7 converged runs × (energy + structure); 6 quarantined (1 truncated, 1 input only, 4 unconverged).
        XCTAssertEqual(report.read, 20)
        XCTAssertEqual(report.quarantined, 6)
        let reasons = Dictionary(grouping: try store.quarantineEntries(), by: \.reasonCode).mapValues(\.count)
        XCTAssertEqual(reasons, ["vasp.truncated": 2, "vasp.unconverged_electronic": 3, "vasp.unconverged_ionic": 1])
        let inputs = try store.curationInputs(property: "energy_per_atom", sources: [])
        XCTAssertEqual(Set(inputs.map(\.locator)), [
            "fermi_smearing_vasprun.xml.gz energy_per_atom", "io_vasprun.xml.gz energy_per_atom",
            "lobster_vasp_lobster_output_v51_vasprun.xml.gz energy_per_atom", "max_force_vasprun.xml.gz energy_per_atom",
            "postprocess_vasprun.xml.gz energy_per_atom", "scan_metal_vasprun.xml.gz energy_per_atom",
            "vasprun.xml.indirect.gz energy_per_atom",
        ])
        let feo = try XCTUnwrap(inputs.first { $0.locator.hasPrefix("postprocess") })
        XCTAssertEqual(feo.value ?? 0, -28.21851457 / 4, accuracy: 1e-9)
        let metadata = try XCTUnwrap(feo.metadataJSON.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        XCTAssertEqual(metadata["run_type"] as? String, "GGA+U")
        XCTAssertEqual((metadata["hubbards"] as? [String: Double])?["Fe"], 4)
        XCTAssertEqual((metadata["incar"] as? [String: String])?["ENCUT"], "520.00000000")
        XCTAssertEqual((metadata["ionic_step_count"] as? Int), 28)
        // Re-ingesting the unchanged folder writes nothing.
        XCTAssertEqual(try VaspIngester().ingest(path: folder, into: store).status, "unchanged")
    }

    func testTruncatedRunKeepsCompleteStepsAndSaysWhereItStops() throws {
        let run = try VasprunFile.read(path: try SharedData.path("vasp/truncated_vasprun.xml.gz"))
        let cut = try XCTUnwrap(run.truncation)
        // xmllint --stream stops on the same line of the decompressed file (its last).
        XCTAssertEqual(cut.line, 48_154)
        XCTAssertTrue(cut.message.hasPrefix("the file ends before the XML does"), cut.message)
        XCTAssertGreaterThan(run.ionicSteps.count, 0)
        XCTAssertNil(run.finalCell)
        let reason = try XCTUnwrap(VaspRunRecords.quarantineReason(VaspRunAssessment(run)))
        XCTAssertEqual(reason.code, "vasp.truncated")
        // pymatgen (exception_on_bad_xml=False) reads the same 5 complete steps.
        XCTAssertEqual(run.ionicSteps.count, 5)
        XCTAssertTrue(reason.message.contains("at line 48154"), reason.message)
        XCTAssertTrue(reason.message.contains("5 complete ionic step"), reason.message)
    }

    func testInputOnlyFileIsTruncatedAfterItsParameters() throws {
        let run = try VasprunFile.read(path: try SharedData.path("vasp/large_cell_real_optlay_vasprun.xml.gz"))
        XCTAssertEqual(run.truncation?.line, 441)  // the closing </parameters>, as xmllint --stream says
        XCTAssertTrue(run.ionicSteps.isEmpty)
        XCTAssertEqual(run.incar["ENCUT"]?.trimmingCharacters(in: .whitespaces), "980.00000000")
        XCTAssertNil(VaspRunAssessment(run).finalEnergy)
    }

    func testCutGzipStreamIsATruncationNotACrash() throws {
        let directory = try TemporaryDirectory()
        let cut = try truncatedCopy(try SharedData.path("vasp/postprocess_vasprun.xml.gz"), fraction: 0.5, name: "cut_vasprun.xml.gz", in: directory)
        let run = try VasprunFile.read(path: cut)
        XCTAssertNotNil(run.truncation)
        XCTAssertEqual(VaspRunRecords.quarantineReason(VaspRunAssessment(run))?.code, "vasp.truncated")
    }

    func testPlainXMLAndNonXMLInputs() throws {
        let directory = try TemporaryDirectory()
        let plain = try directory.write("vasprun.xml", Data(contentsOf: URL(fileURLWithPath: try SharedData.path("vasp/io_vasprun.xml.gz"))).gunzippedForTest())
        let run = try VasprunFile.read(path: plain)
        XCTAssertNil(run.truncation)
        XCTAssertEqual(VaspRunAssessment(run).finalEnergy ?? 0, -10.84147246, accuracy: 1e-8)
        let garbage = try directory.write("garbage_vasprun.xml", "this is not XML")
        XCTAssertNotNil(try VasprunFile.read(path: garbage).truncation)
        XCTAssertThrowsError(try VaspIngester().ingest(path: directory.path("missing"), into: CurateStore.inMemory()))
    }
}

extension Data {
    /// The gzip-decompressed bytes (through the gzip tool, independent of the project's reader).
    func gunzippedForTest() throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-dc"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(self); try? input.fileHandleForWriting.close() }
        writer.start()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return result
    }
}
