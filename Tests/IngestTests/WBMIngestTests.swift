import Chemistry
import Foundation
import Store
import XCTest
@testable import Ingest

/// `curate ingest wbm`: the real WBM rows of the GRACE benchmark file, and made-up fixtures in the
/// two full published layouts (CSV and the raw TSV) with malformed rows.
final class WBMIngestTests: XCTestCase {
    /// Every record the ingester would write for `path`, through the same reader and interpreter.
    private func records(_ path: String) throws -> (WBMColumns, [PreparedRecord]) {
        let table = try DelimitedTable(path: path, maxRecordBytes: 1 << 20)
        let columns = try WBMColumns.detect(firstRow: table.firstRow.fields, path: path)
        var interpreter = WBMRowInterpreter(columns: columns)
        var records = columns.firstRowIsData ? interpreter.interpret(table.firstRow) : []
        while let row = try table.next() { records += interpreter.interpret(row) }
        return (columns, records)
    }

    func testRealRowsOfTheGraceFileIngestCompletely() throws {
        let path = try SharedData.path("wbm/grace2l_r6-wbm-IS2RE-FIRE-bad.csv")
        let store = try CurateStore.inMemory()
        let report = try WBMIngester.ingest(path: path, into: store)
        XCTAssertEqual(report.read, try countDataLines(path))
        XCTAssertEqual(report.read, 27)
        XCTAssertEqual(report.stored, 27)
        XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined)
        XCTAssertEqual(report.layout, "wbm-summary-csv")
        XCTAssertEqual(report.sourceName, "grace2l_r6-wbm-IS2RE-FIRE-bad")
        XCTAssertEqual(try store.stats().observationsByProperty.map(\.property), ["formation_energy_per_atom"])

        // The DFT value is kept with its scheme; the model's (absurd) predictions are not stored.
        let (columns, records) = try records(path)
        XCTAssertEqual(columns.values.map(\.header), ["e_form_per_atom_mp2020_corrected"])
        XCTAssertEqual(columns.ignored, ["grace2l_r6_energy", "e_form_per_atom_grace"])
        let observations = records.compactMap(\.observation)
        XCTAssertEqual(observations.count, 27)
        XCTAssertTrue(observations.allSatisfy { $0.correction == "mp2020" && $0.unit == "eV/atom" })
        XCTAssertTrue(observations.allSatisfy { ($0.value ?? .nan) > -3 && ($0.value ?? .nan) < 5 })
        // The substitution round is the batch, 1-5.
        var rounds: [Int: Int] = [:]
        for observation in observations {
            let id = try XCTUnwrap(observation.metadata["id"] as? String)
            let batch = try XCTUnwrap(observation.metadata["batch"] as? Int)
            XCTAssertTrue(id.hasPrefix("wbm-\(batch)-"), id)
            rounds[batch, default: 0] += 1
        }
        XCTAssertEqual(rounds, [1: 11, 2: 3, 3: 5, 4: 3, 5: 5])

        let alumina = try store.observations(canonicalKey: try Composition(formula: "AlCNbO").canonicalKey())
        XCTAssertEqual(alumina.count, 1)
        XCTAssertEqual(alumina.first?.formulaAsWritten, "Al2 C2 Nb2 O2")
        XCTAssertEqual(alumina.first?.value, -1.241591)
        XCTAssertEqual(alumina.first?.conditionsJSON, #"{"correction":"mp2020"}"#)
    }

    func testFullCSVLayoutKeepsEachSchemeApartAndQuarantinesBadValues() throws {
        let path = try DFTFixtures.path("wbm-summary-sample.csv")
        let store = try CurateStore.inMemory()
        let report = try WBMIngester.ingest(path: path, into: store)
        // 9 value columns: 5 usable rows (3 with one bad value) + a repeated row (9 duplicates)
        // + 3 unusable rows (one record each).
        XCTAssertEqual(report.read, 57)
        XCTAssertEqual(report.stored, 42)
        XCTAssertEqual(report.duplicates, 9)
        XCTAssertEqual(report.quarantineByReason, [
            "value.missing": 1, "value.not_finite": 1, "value.unparsable": 1,
            "formula.unknown_element": 1, "volume.not_positive": 1, "id.unknown_round": 1,
        ])
        let fields = try store.quarantineEntries().reduce(into: [String: String]()) { $0[$1.reasonCode] = $1.field }
        XCTAssertEqual(fields, [
            "value.missing": "uncorrected_energy", "value.not_finite": "e_form_per_atom_mp2020_corrected",
            "value.unparsable": "bandgap_pbe", "formula.unknown_element": "formula", "volume.not_positive": "volume",
            "id.unknown_round": "material_id",
        ])

        let kbif4 = try store.observations(canonicalKey: try Composition(formula: "KBiF4").canonicalKey())
        let formation = kbif4.filter { $0.property == "formation_energy_per_atom" }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: formation.map { ($0.conditionsJSON ?? "", $0.value ?? .nan) }), [
            #"{"correction":"wbm_published"}"#: -1.994839,
            #"{"correction":"none"}"#: -1.53281,
            #"{"correction":"mp2020"}"#: -1.994843,
        ])
        let energy = try XCTUnwrap(kbif4.first { $0.property == "energy_per_atom" })
        XCTAssertEqual(try XCTUnwrap(energy.value), -42.73696 / 12, accuracy: 1e-12)
        XCTAssertEqual(energy.valueAsReported, "-42.73696")
        XCTAssertEqual(energy.conditionsJSON, #"{"correction":"none"}"#)
        let hull = kbif4.filter { $0.property == "energy_above_hull" }.compactMap(\.conditionsJSON).sorted()
        XCTAssertEqual(hull, [#"{"correction":"mp2020","hull":"mp_ppd"}"#, #"{"correction":"wbm_published"}"#])
        // Every energy says which correction it carries.
        let (_, records) = try records(path)
        for observation in records.compactMap(\.observation) where observation.unit == "eV/atom" {
            XCTAssertNotNil(observation.correction, "\(observation.property) \(observation.conditionsJSON ?? "nil")")
        }
        let first = try XCTUnwrap(records.first?.observation)
        XCTAssertEqual(first.metadata["wyckoff_spglib"] as? String, "A2BC4_tI14_139_e_a_ce:F-K-Bi")
        XCTAssertEqual(first.metadata["n_sites"] as? Int, 12)
        XCTAssertEqual(first.metadata["batch"] as? Int, 1)
    }

    func testCompressedCSVReadsLikeThePlainFile() throws {
        let store = try CurateStore.inMemory()
        let report = try WBMIngester.ingest(path: try DFTFixtures.path("wbm-summary-sample.csv.gz"), into: store)
        XCTAssertEqual([report.read, report.stored, report.duplicates, report.quarantined], [57, 42, 9, 6])
        XCTAssertEqual(report.sourceName, "wbm-summary-sample")
    }

    func testRawTabSeparatedSummaryPlainXZAndHeaderless() throws {
        let plain = try DFTFixtures.path("wbm-summary-raw.tsv")
        let directory = try TemporaryDirectory()
        let lines = try String(contentsOfFile: plain, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let headerless = try directory.write("headerless.tsv", lines.dropFirst().joined(separator: "\n"))
        for path in [plain, try DFTFixtures.path("wbm-summary-raw.tsv.xz"), headerless] {
            let store = try CurateStore.inMemory()
            let report = try WBMIngester.ingest(path: path, into: store)
            XCTAssertEqual(report.layout, "wbm-summary-tsv", path)
            XCTAssertEqual([report.read, report.stored, report.duplicates, report.quarantined], [19, 14, 0, 5], path)
            XCTAssertEqual(report.quarantineByReason, [
                "volume.not_positive": 1, "value.missing": 1, "value.not_finite": 1, "formula.unknown_element": 1, "id.unparsable": 1,
            ], path)
        }
        let (columns, records) = try records(headerless)
        XCTAssertTrue(columns.firstRowIsData)
        let first = try XCTUnwrap(records.first?.observation)
        XCTAssertEqual(first.metadata["id"] as? String, "wbm-1-1") // step_1_0, zero-based
        XCTAssertEqual(first.metadata["id_as_written"] as? String, "step_1_0")
        XCTAssertEqual(first.property, "energy_per_atom")
        XCTAssertEqual(try XCTUnwrap(first.value), -42.73696 / 12, accuracy: 1e-12)
        let published = records.compactMap(\.observation).filter { $0.property == "formation_energy_per_atom" }
        XCTAssertTrue(published.allSatisfy { $0.correction == "wbm_published" })
    }

    func testIdsAndSpacedFormulas() throws {
        XCTAssertEqual(try WBMMaterialID.parse("wbm-3-70802").get(), WBMMaterialID(id: "wbm-3-70802", round: 3))
        XCTAssertEqual(try WBMMaterialID.parse("wbm-step-2-5").get(), WBMMaterialID(id: "wbm-2-5", round: 2))
        XCTAssertEqual(try WBMMaterialID.parse("step_5_0").get(), WBMMaterialID(id: "wbm-5-1", round: 5))
        XCTAssertEqual(try WBMMaterialID.parse("step_1-9").get(), WBMMaterialID(id: "wbm-1-10", round: 1))
        XCTAssertThrowsError(try WBMMaterialID.parse("mp-1234").get())
        XCTAssertThrowsError(try WBMMaterialID.parse("wbm-0-1").get())
        XCTAssertThrowsError(try WBMMaterialID.parse("wbm-1-").get())
        XCTAssertEqual(try SpacedFormula.parse("Al2 C2 Nb2 O2")?.get(), try Composition(formula: "Al2C2Nb2O2"))
        XCTAssertEqual(try SpacedFormula.parse("Li0.5 Fe1 O2")?.get(), try Composition(formula: "Li0.5FeO2"))
        XCTAssertNil(SpacedFormula.parse("Fe2O3"))
        guard case .failure(let rejected)? = SpacedFormula.parse("Cs1 Xx2") else { return XCTFail("Xx accepted") }
        XCTAssertEqual(rejected.code, "formula.unknown_element")
        XCTAssertEqual(rejected.position, 5)
    }

    func testReingestWritesNothingAndBrokenFilesLeaveTheStoreUnchanged() throws {
        let store = try CurateStore.inMemory()
        let path = try DFTFixtures.path("wbm-summary-sample.csv")
        _ = try WBMIngester.ingest(path: path, into: store)
        let hash = try store.contentHash()
        let again = try WBMIngester.ingest(path: path, into: store)
        XCTAssertEqual(again.status, "unchanged")
        XCTAssertEqual(again.read, 0)
        XCTAssertEqual(try store.contentHash(), hash)

        let directory = try TemporaryDirectory()
        let truncated = try truncatedCopy(try DFTFixtures.path("wbm-summary-sample.csv.gz"), fraction: 0.6, name: "cut.csv.gz", in: directory)
        XCTAssertThrowsError(try WBMIngester.ingest(path: truncated, into: store)) { error in
            XCTAssertTrue(String(describing: error).contains("truncated"), String(describing: error))
        }
        let garbage = try directory.write("garbage.csv", Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }))
        XCTAssertThrowsError(try WBMIngester.ingest(path: garbage, into: store))
        let wrongTable = try SharedData.path("oqmd/roost-oqmd-256k-testsplit.csv")
        XCTAssertThrowsError(try WBMIngester.ingest(path: wrongTable, into: store)) { error in
            XCTAssertTrue(String(describing: error).contains("no DFT value column"), String(describing: error))
        }
        XCTAssertEqual(try store.contentHash(), hash)
        XCTAssertEqual(try store.runs().count, 1)
    }
}
