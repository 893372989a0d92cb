import Chemistry
import CurateIO
import Foundation
import Store
import XCTest
@testable import Ingest

final class SuperConIngestTests: XCTestCase {
    private func ingest(_ path: String, _ store: CurateStore, name: String? = nil,
                        bindings: FormulaBindings = .none) throws -> IngestReport {
        try SuperConIngester.ingest(path: path, into: store, options: IngestOptions(sourceName: name, bindings: bindings))
    }

    // MARK: Real files

    func testStanevEveryRowIsAccountedFor() throws {
        let path = try SharedData.path("supercon/stanev-2018.csv")
        let store = try CurateStore.inMemory()
        let report = try ingest(path, store)
        XCTAssertEqual(report.status, "completed")
        XCTAssertEqual(report.layout, "stanev")
        XCTAssertEqual(report.read, try countDataLines(path))
        XCTAssertEqual(report.read, 16_414)
        XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined)
        // The malformed formulas the data README lists are quarantined, not guessed.
        let quarantined = try store.quarantineEntries(reasonCode: nil, source: nil, limit: nil)
        XCTAssertEqual(quarantined.count, report.quarantined)
        let rawFormulas = Set(quarantined.map { $0.rawContent.split(separator: ",").first.map(String.init) ?? "" })
        for malformed in ["Sm1Ba-1Cu3O6.94", "Y2C2Br0.5!1.5", "Eu1.45Pr0.05Ce0.5Sr2Cu2Nb1O10=z", "Hg0.3Pb0.7Sr1.75La0.25Cu1O4+2"] {
            XCTAssertTrue(rawFormulas.contains(malformed), malformed)
        }
        for entry in quarantined {
            XCTAssertTrue(entry.reasonCode.hasPrefix("formula."), entry.reasonCode)
            if entry.reasonCode != "formula.unresolved_variables" {
                XCTAssertNotNil(entry.position, "\(entry.rawContent): formula errors carry a position")
            }
            XCTAssertEqual(entry.field, "name")
            XCTAssertNotNil(entry.line)
        }
        // SuperCon's variable oxygen (`...CuOY`) is never read as oxygen + yttrium.
        let oxygenVariable = try store.quarantineEntries(reasonCode: "formula.unresolved_variables", source: nil, limit: nil)
        XCTAssertEqual(oxygenVariable.count, 89)
        XCTAssertTrue(oxygenVariable.allSatisfy { $0.rawContent.split(separator: ",").first?.hasSuffix("OY") ?? false })
        let stats = try store.stats()
        XCTAssertFalse(stats.observationsByProperty.contains { $0.qualifier == "exact" && $0.count == 0 })
    }

    func testZeroTcIsNotSuperconductingNeverAZeroKelvinMeasurement() throws {
        let path = try SharedData.path("supercon/stanev-2018.csv")
        let reader = try CSVReader(path: path)
        guard let header = reader.header else { return XCTFail("no header") }
        var interpreter = SuperConRowInterpreter(columns: try SuperConColumns.detect(header: header.fields, path: path), bindings: .none)
        var zeroRows = 0
        var zeroRowsStored = 0
        var notSuperconducting = 0
        while let row = try reader.next() {
            let record = interpreter.interpret(row)
            if row.field(1) == "0" { zeroRows += 1 }
            guard case .observation(let observation) = record.outcome else { continue }
            XCTAssertFalse(observation.value == 0, "line \(row.line): a Tc of 0 K was stored as a measurement")
            if row.field(1) == "0" {
                zeroRowsStored += 1
                XCTAssertEqual(observation.qualifier, "not_superconducting", "line \(row.line)")
                XCTAssertNil(observation.value)
            }
            if observation.qualifier == "not_superconducting" { notSuperconducting += 1 }
        }
        // 3,966 rows have Tc = 0 (data README); the few with malformed formulas are quarantined.
        XCTAssertEqual(zeroRows, 3_966)
        XCTAssertEqual(zeroRowsStored, notSuperconducting)
        XCTAssertGreaterThan(zeroRowsStored, 3_900)
    }

    func testMDRRowsReconcileAndRepeatedCompositionsKeepEveryObservation() throws {
        let path = try SharedData.path("supercon/mdr-2024/mdr.csv")
        let store = try CurateStore.inMemory()
        let report = try ingest(path, store)
        XCTAssertEqual(report.layout, "mdr")
        XCTAssertEqual(report.read, try countDataLines(path))
        XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined)
        // MgB2 is measured many times with different Tc: every distinct value is its own observation.
        let magnesiumDiboride = try Composition(formula: "MgB2").canonicalKey()
        let observations = try store.observations(canonicalKey: magnesiumDiboride)
        let distinctValues = Set(observations.compactMap(\.value))
        XCTAssertGreaterThan(observations.count, 10)
        XCTAssertEqual(distinctValues.count, observations.count, "identical (composition, Tc) rows are duplicates, distinct values are kept")
    }

    func testReingestingTheSameFileChangesNothingAndSaysSo() throws {
        let path = try SharedData.path("supercon/stanev-2018.csv")
        let directory = try TemporaryDirectory()
        let store = try CurateStore(path: directory.path("store.sqlite"))
        let first = try ingest(path, store)
        let hashBefore = try store.contentHash()
        let runsBefore = try store.runs().count
        let second = try ingest(path, store)
        XCTAssertEqual(second.status, "unchanged")
        XCTAssertEqual(second.runId, first.runId)
        XCTAssertEqual(second.stored, 0)
        XCTAssertEqual(try store.contentHash(), hashBefore)
        XCTAssertEqual(try store.runs().count, runsBefore)
    }

    func testTextMinedSuperCon2ValuesWithUnitsPressureAndMojibake() throws {
        let path = try SharedData.path("supercon/supercon2-samples/output.supercon.csv")
        let store = try CurateStore.inMemory()
        let report = try ingest(path, store)
        XCTAssertEqual(report.layout, "supercon2")
        XCTAssertEqual(report.read, 13)
        XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined)
        XCTAssertGreaterThan(report.repairedFields, 0)
        // "LaBi 3" with "7.4 K" at "3.4 GPa".
        let observations = try store.observations(canonicalKey: try Composition(formula: "LaBi3").canonicalKey())
        let atPressure = observations.first { $0.conditionsJSON?.contains("\"pressure_gpa\":3.4") ?? false }
        XCTAssertEqual(atPressure?.value, 7.4)
        XCTAssertEqual(atPressure?.unit, "K")
        // "\u{F0A0}5.6 K" (a PDF-extracted space, double-decoded) is read as 5.6 K.
        let strontium = try store.observations(canonicalKey: try Composition(formula: "SrBi3").canonicalKey())
        XCTAssertEqual(strontium.first?.value, 5.6)
        // La(Tl1−xPbx)3 has a free variable: quarantined with the reason, or resolved with bindings.
        XCTAssertEqual(report.quarantineByReason["formula.unresolved_variables"], 1)
        let bound = try ingest(path, try CurateStore.inMemory(), bindings: FormulaBindings(variables: ["x": 0.5]))
        XCTAssertEqual(bound.quarantined, 0)
    }

    func testReviewedCorrectionsWinAndOriginalsAreKept() throws {
        let path = try SharedData.path("supercon/supercon2-samples/supercon_corrected.csv")
        let store = try CurateStore.inMemory()
        let report = try ingest(path, store)
        XCTAssertEqual(report.layout, "supercon2-corrected")
        XCTAssertEqual(report.read, 9)
        let yttrium = try store.observations(canonicalKey: try Composition(formula: "YBa2Cu3O7").canonicalKey())
        XCTAssertEqual(yttrium.first?.value, 90.7, "the corrected Tc replaces the reported 90 K")
    }

    func testFileWithoutHeaderIsRefusedNamingTheColumnsSeen() throws {
        let path = try SharedData.path("supercon/supercon2-samples/sust_29_3_03LT02.csv")
        let store = try CurateStore.inMemory()
        let hash = try store.contentHash()
        XCTAssertThrowsError(try ingest(path, store)) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("LaBi 3"), text)
            XCTAssertTrue(text.contains("no formula column"), text)
        }
        XCTAssertEqual(try store.contentHash(), hash)
    }

    // MARK: Small files written here

    func testDuplicatesWithinAndAcrossRuns() throws {
        let directory = try TemporaryDirectory()
        let store = try CurateStore.inMemory()
        let first = try directory.write("a.csv", "formula,Tc\nMgB2,39\nMg1B2,39\nMgB2,38\nNbTi,0\nNbTi,0\n")
        let report = try ingest(first, store, name: "demo")
        XCTAssertEqual(report.read, 5)
        XCTAssertEqual(report.stored, 3)
        XCTAssertEqual(report.duplicates, 2)
        // A changed file into the same source: known rows are duplicates, new ones stored.
        let second = try directory.write("b.csv", "formula,Tc\nMgB2,39\nMgB2,40\n")
        let next = try ingest(second, store, name: "demo")
        XCTAssertEqual(next.stored, 1)
        XCTAssertEqual(next.duplicates, 1)
        // The same rows under another source are new observations there.
        let other = try ingest(second, store, name: "other")
        XCTAssertEqual(other.stored, 2)
    }

    func testHeaderVariants() throws {
        let directory = try TemporaryDirectory()
        let store = try CurateStore.inMemory()
        let indexed = try directory.write("indexed.csv", ",name,Tc\n0,MgB2,39\n1,Nb3Sn,18.3\n")
        XCTAssertEqual(try ingest(indexed, store).stored, 2)
        let pandas = try directory.write("pandas.csv", "Unnamed: 0,composition,critical temperature\n0,Nb,9.2\n")
        XCTAssertEqual(try ingest(pandas, store).stored, 1)
        let ambiguous = try directory.write("ambiguous.csv", "name,formula,Tc\nx,MgB2,39\n")
        XCTAssertThrowsError(try ingest(ambiguous, store)) { error in
            XCTAssertTrue(String(describing: error).contains("ambiguous formula columns \"name\", \"formula\""), String(describing: error))
        }
        let wrong = try directory.write("wrong.csv", "material_id,band_gap\nmp-1,1.2\n")
        XCTAssertThrowsError(try ingest(wrong, store)) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.contains("wrong.csv:1"), text)
            XCTAssertTrue(text.contains("\"material_id\", \"band_gap\""), text)
        }
        let lattice = try directory.write("mdr-full.csv", "formula,Tc,a,c,structure,year\nLa1.85Sr0.15CuO4,38,3.78,13.2,T,1987\n")
        let latticeReport = try ingest(lattice, store)
        XCTAssertEqual(latticeReport.layout, "mdr")
        XCTAssertEqual(latticeReport.stored, 1)
    }

    func testBOMCRLFAndQuotedFields() throws {
        let directory = try TemporaryDirectory()
        let store = try CurateStore.inMemory()
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("name,Tc\r\n\"YBa2Cu3O7\",92\r\n\"Ba(Fe0.9Co0.1)2As2\",\"22\"\r\n".utf8))
        let path = try directory.write("bom.csv", data)
        let report = try ingest(path, store)
        XCTAssertEqual(report.stored, 2)
        XCTAssertEqual(report.layout, "stanev")
        let observations = try store.observations(canonicalKey: try Composition(formula: "YBa2Cu3O7").canonicalKey())
        XCTAssertEqual(observations.first?.line, 2)
        XCTAssertEqual(observations.first?.value, 92)
    }

    func testRecordLevelProblemsAreQuarantinedWithReasons() throws {
        let directory = try TemporaryDirectory()
        let store = try CurateStore.inMemory()
        let path = try directory.write("mixed.csv", """
            name,Tc
            MgB2,39
            Qq2O,10
            Nb,-3
            Nb3Ge,
            Nb3Al,abc
            ,12
            La2-xSrxCuO4,38
            PbMo6S8
            V3Si,17 mK

            """)
        let report = try ingest(path, store)
        XCTAssertEqual(report.read, 9)
        XCTAssertEqual(report.stored, 2)
        XCTAssertEqual(report.quarantined, 7)
        XCTAssertEqual(report.quarantineByReason, [
            "formula.unknown_element": 1, "tc.negative": 1, "tc.missing": 1, "tc.unparsable": 1,
            "formula.missing": 1, "formula.unresolved_variables": 1, "record.missing_field": 1,
        ])
        let vanadium = try store.observations(canonicalKey: try Composition(formula: "V3Si").canonicalKey())
        XCTAssertEqual(vanadium.first?.value ?? 0, 0.017, accuracy: 1e-12)
        let unknown = try store.quarantineEntries(reasonCode: "formula.unknown_element", source: nil, limit: nil)
        XCTAssertEqual(unknown.first?.line, 3)
        XCTAssertEqual(unknown.first?.position, 1)
        XCTAssertEqual(unknown.first?.rawContent, "Qq2O,10")
    }

    func testBadFilesLeaveTheStoreUnchanged() throws {
        let directory = try TemporaryDirectory()
        let store = try CurateStore(path: directory.path("store.sqlite"))
        _ = try ingest(try directory.write("good.csv", "name,Tc\nMgB2,39\n"), store)
        let hash = try store.contentHash()
        var binary = Data("name,Tc\n".utf8)
        binary.append(contentsOf: [0, 1, 2, 0, 255, 254, 0, 7])
        let longLine = "name,Tc\nMgB2,39\n" + String(repeating: "A", count: 2 << 20) + ",1\n"
        let cases: [(String, String?)] = [
            ("missing.csv", nil),
            ("empty.csv", ""),
            ("binary.csv", nil),
            ("unterminated.csv", "name,Tc\nNb,9\nNb3Sn,18\n\"Nb3Ge,23\n"),
            ("long.csv", longLine),
        ]
        for (name, contents) in cases {
            let path: String
            if name == "binary.csv" {
                path = try directory.write(name, binary)
            } else if let contents {
                path = try directory.write(name, contents)
            } else {
                path = directory.path(name)
            }
            XCTAssertThrowsError(try ingest(path, store), name) { error in
                XCTAssertTrue(String(describing: error).contains(name), "\(name): \(error)")
            }
            XCTAssertEqual(try store.contentHash(), hash, "\(name) changed the store")
        }
        XCTAssertEqual(try store.runs().count, 1)
    }
}

/// Issue 17 item 1: non-finite numbers from a SuperCon CSV never reach the store.
final class SuperConNumberRangeTests: XCTestCase {
    func testOverflowingAmountsAndUnderflowingTcAreQuarantined() throws {
        let directory = try TemporaryDirectory()
        let store = try CurateStore.inMemory()
        let path = try directory.write("range.csv", """
            name,Tc
            (Fe1e200)1e200O,10
            MgB2,17e-9999
            Nb3Sn,1e400
            Nb,0
            V3Si,17e-3

            """)
        let report = try SuperConIngester.ingest(path: path, into: store)
        XCTAssertEqual(report.read, 5)
        XCTAssertEqual(report.quarantineByReason, [
            "formula.amount_overflow": 1, "tc.out_of_range": 2,
        ])
        let overflow = try store.quarantineEntries(reasonCode: "formula.amount_overflow", source: nil, limit: nil)
        XCTAssertEqual(overflow.first?.position, 10)
        XCTAssertEqual(overflow.first?.line, 2)
        let underflow = try store.quarantineEntries(reasonCode: "tc.out_of_range", source: nil, limit: nil)
        XCTAssertEqual(Set(underflow.compactMap(\.line)), [3, 4])
        // Only the true zero is "not superconducting"; 17e-9999 did not become one.
        let magnesium = try store.observations(canonicalKey: try Composition(formula: "MgB2").canonicalKey())
        XCTAssertTrue(magnesium.isEmpty)
        let niobium = try store.observations(canonicalKey: try Composition(formula: "Nb").canonicalKey())
        XCTAssertEqual(niobium.map(\.qualifier), ["not_superconducting"])
        let vanadium = try store.observations(canonicalKey: try Composition(formula: "V3Si").canonicalKey())
        XCTAssertEqual(vanadium.first?.value ?? 0, 0.017, accuracy: 1e-15)
    }

    func testMeasuredValueRangeCodes() {
        func code(_ text: String) -> String? {
            if case .failure(let problem) = MeasuredValue.parse(text, as: .temperature) { return problem.code }
            return nil
        }
        XCTAssertEqual(code("17e-9999"), "out_of_range")
        XCTAssertEqual(code("17e-9999 K"), "out_of_range")
        XCTAssertEqual(code("1e400"), "out_of_range")
        XCTAssertEqual(code("1e-320 mK"), "out_of_range")
        XCTAssertEqual(code("5-1e999 K"), "out_of_range")
        XCTAssertNil(code("0"))
        XCTAssertNil(code("0e-9999"))
        XCTAssertNil(code("0.5 mK"))
    }
}
