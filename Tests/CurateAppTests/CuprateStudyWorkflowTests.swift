import CurateApp
import Foundation
import XCTest

/// `curate cuprates` on a small store: real cuprate CIFs (MP parents and 3DSC doped copies) and
/// a SuperCon CSV whose formulas meet them by file name, by composition, or not at all.
final class CuprateStudyWorkflowTests: XCTestCase {
    private static let cifs = [
        "mp/mp-1214577.cif", "mp/mp-1214709.cif", "mp/mp-1214720.cif", "mp/mp-15039.cif", "mp/mp-6205.cif",
        "mp/mp-6583.cif", "mp/mp-6691.cif", "mp/mp-6710.cif", "mp/mp-6779.cif",
        "mp-doped/Ba2Ca0.03Cu4Er0.97O8-MP-mp-6583-synth_doped.cif",
        "mp-doped/Cu1La1.85Sr0.15O4-MP-mp-1180676-synth_doped.cif",
        "mp/mp-4158.cif", "mp/mp-10003.cif",
    ]

    private func makeStore(_ folder: TemporaryFolder) throws -> String {
        let cifFolder = folder.file("cif")
        try FileManager.default.createDirectory(atPath: cifFolder, withIntermediateDirectories: true)
        for relative in Self.cifs {
            let source = try TestPaths.shared("cif/" + relative)
            try FileManager.default.copyItem(atPath: source, toPath: cifFolder + "/" + (relative as NSString).lastPathComponent)
        }
        let csv = try folder.write("supercon.csv", """
            name,Tc
            Ba2Ca0.03Cu4Er0.97O8,79
            Er1Ba2Cu4O8,80
            Ho1Ba2Cu4O8,81
            Dy1Ba2Cu4O8,0
            Er1Ba2Cu4O7.9,78
            La1.85Sr0.15Cu1O4,38
            Hg1Ba2Ca2Cu3O8.3,134
            Nd1.85Ce0.15Cu1O4,24
            Mg1B2,39

            """)
        let withLattice = try folder.write("mdr-lattice.csv", """
            formula,Tc,a,b,c
            Tm1Ba2Cu4O8,80,3.84,3.87,27.2
            Yb1Ba2Cu4O8,75,5.45,5.47,27.3
            Lu1Ba2Cu4O8,70,3.85,3.87,27.1

            """)
        let store = folder.file("s.sqlite")
        _ = try IngestWorkflow.run(kind: "supercon", path: csv, storePath: store)
        _ = try IngestWorkflow.run(kind: "supercon", path: withLattice, storePath: store)
        _ = try IngestWorkflow.run(kind: "cif", path: cifFolder, storePath: store)
        return store
    }

    func testTableJoinAndCSVOnRealStructures() throws {
        let folder = try TemporaryFolder()
        let store = try makeStore(folder)
        let csvPath = folder.file("records.csv")
        let htmlPath = folder.file("cuprates.html")
        let result = try CuprateStudyWorkflow.run(.init(storePath: store, csvPath: csvPath, htmlPath: htmlPath))
        XCTAssertEqual(result.structures.read, 12, "mp-10003 has no copper and is skipped unread")
        XCTAssertEqual(result.structures.skippedWithoutCopper, 1)
        XCTAssertEqual(result.structures.withPlanes, 12)
        XCTAssertEqual(result.structures.withoutApicalOxygen, 1, "Nd2CuO4 (T')")
        XCTAssertEqual(result.join.cuprateRecords, 11, "MgB2 is not a cuprate")
        XCTAssertEqual(result.join.joinedByFileName, 2)
        XCTAssertEqual(result.join.joinedByComposition, 5)
        XCTAssertEqual(result.join.withReportedLattice, 3)
        XCTAssertEqual(result.join.joinedByCations, 1, "ErBa2Cu4O7.9 finds ErBa2Cu4O8")
        XCTAssertEqual(result.join.unjoined, 2)
        XCTAssertEqual(Set(result.join.unjoinedExamples), ["Hg1Ba2Ca2Cu3O8.3", "Nd1.85Ce0.15Cu1O4"])

        let re124 = try XCTUnwrap(result.families.first { $0.family == "RE124" })
        XCTAssertEqual(re124.structures, 9, "the doped copy of mp-6583 shares its parent's geometry and counts once")
        XCTAssertEqual(re124.calibration, "fitted")
        XCTAssertLessThan(try XCTUnwrap(re124.leaveOneOutRMSE), 0.1)
        XCTAssertEqual(re124.records, 8)
        XCTAssertEqual(re124.superconducting, 7, "Tc = 0 is not a measurement")
        XCTAssertEqual(re124.tcMin, 70)
        XCTAssertEqual(re124.tcMax, 81)
        XCTAssertEqual(re124.selected, 2, "one cluster of 7: the top 20 % rounded up")
        let la214 = try XCTUnwrap(result.families.first { $0.family == "La214(T)" })
        XCTAssertEqual(la214.calibration, "too few structures (1 < 5)")
        XCTAssertEqual(la214.records, 1)

        let joined = try XCTUnwrap(result.records.first { $0.formula == "Ba2Ca0.03Cu4Er0.97O8" })
        XCTAssertEqual(joined.join, "file-name")
        XCTAssertEqual(try XCTUnwrap(joined.apicalEstimated), try XCTUnwrap(joined.apicalInStructure), accuracy: 0.1)
        XCTAssertEqual(joined.inPlaneEstimated, joined.aStar / 2)
        XCTAssertEqual(joined.c, 27.46, accuracy: 0.05)

        XCTAssertEqual(result.records.first { $0.formula == "Er1Ba2Cu4O7.9" }?.structure, "mp-6583")
        // SuperCon's own lattice parameters win over the structure's; a in the √2 setting is halved by √2.
        let lutetium = try XCTUnwrap(result.records.first { $0.formula == "Lu1Ba2Cu4O8" })
        XCTAssertEqual(lutetium.structure, "")
        XCTAssertEqual(lutetium.lattice, "supercon")
        XCTAssertEqual(lutetium.c, 27.1)
        XCTAssertNil(lutetium.apicalInStructure)
        let ytterbium = try XCTUnwrap(result.records.first { $0.formula == "Yb1Ba2Cu4O8" })
        XCTAssertEqual(ytterbium.structure, "mp-15039")
        XCTAssertEqual(ytterbium.aStar, 5.45 / 2.0.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(joined.lattice, "structure")
        let csv = try String(contentsOfFile: csvPath, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(csv.count, 1 + result.records.count)
        XCTAssertTrue(csv[0].hasPrefix("observation_id,source,formula,tc,family,join,structure,lattice,a_star,c,d_apical_estimated"))
        let html = try String(contentsOfFile: htmlPath, encoding: .utf8)
        XCTAssertTrue(html.contains("id=\"apical-re124\""), "RE124 has a calibration, so its Tc-vs-apical chart is drawn")
        XCTAssertTrue(html.contains("id=\"inplane-la214-t-\""))
        XCTAssertFalse(html.contains("id=\"apical-la214-t-\""), "no calibration, no estimated apical distances")
        let parsed = try ReportHTML(path: htmlPath)
        XCTAssertFalse(parsed.marks("apical-re124", "point").isEmpty)
        XCTAssertEqual(try CuprateStudyWorkflow.run(.init(storePath: store)), result, "the same store gives the same study")
    }
}
