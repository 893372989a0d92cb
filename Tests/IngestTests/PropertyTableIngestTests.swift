import Chemistry
import Foundation
import Store
import XCTest
@testable import Ingest

final class PropertyTableIngestTests: XCTestCase {
    func testOQMDCompositionDumpIsFormationEnergyPerAtom() throws {
        let path = try SharedData.path("oqmd/roost-oqmd-256k-testsplit.csv")
        let store = try CurateStore.inMemory()
        let report = try PropertyTableIngester.ingest(path: path, into: store, spec: .oqmd)
        XCTAssertEqual(report.read, try countDataLines(path))
        XCTAssertEqual(report.read, 25_662)
        XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined)
        XCTAssertEqual(report.layout, "id,composition,target")
        let stats = try store.stats()
        XCTAssertEqual(stats.observationsByProperty.map(\.property), ["formation_energy_per_atom"])
        // Row 0: O0.555600Pr0.222200Pt0.222200 → -1.9090826 eV/atom.
        let key = try Composition(formula: "O0.555600Pr0.222200Pt0.222200").canonicalKey()
        let observations = try store.observations(canonicalKey: key)
        XCTAssertTrue(observations.contains { $0.value == -1.9090826 && $0.unit == "eV/atom" && $0.line == 2 })
    }

    func testMaterialsProjectTablesTakeThePropertyFromTheHeader() throws {
        let path = try SharedData.path("mp/roost-mp-non-metals.csv")
        let store = try CurateStore.inMemory()
        let report = try PropertyTableIngester.ingest(path: path, into: store, spec: .materialsProject)
        XCTAssertEqual(report.read, 43_921)
        XCTAssertEqual(report.quarantined, 0)
        XCTAssertEqual(try store.stats().observationsByProperty.map(\.property), ["band_gap"])
        let actinium = try store.observations(canonicalKey: try Composition(formula: "Ac2O3").canonicalKey())
        XCTAssertEqual(actinium.first?.value, 3.5226)
        XCTAssertEqual(actinium.first?.unit, "eV")
    }

    func testNaNIsSodiumNitrideNotAMissingValue() throws {
        // pandas reads the formula "NaN" (mp-1080032) as a missing value and drops the row.
        let path = try SharedData.path("mp/roost-mp-formation.csv")
        let store = try CurateStore.inMemory()
        let report = try PropertyTableIngester.ingest(path: path, into: store, spec: .materialsProject)
        XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined)
        XCTAssertEqual(report.quarantined, 0)
        let sodiumNitride = try store.observations(canonicalKey: try Composition(formula: "NaN").canonicalKey())
        XCTAssertTrue(sodiumNitride.contains { $0.formulaAsWritten == "NaN" && $0.value == -0.08586949243999964 })
    }

    func testTargetColumnNeedsAPropertyOutsideOQMD() throws {
        let path = try SharedData.path("exptgap/matbench_expt_gap.csv")
        let store = try CurateStore.inMemory()
        XCTAssertThrowsError(try PropertyTableIngester.ingest(path: path, into: store, spec: PropertyTableSpec(sourceKind: "table"))) { error in
            XCTAssertTrue(String(describing: error).contains("--property"), String(describing: error))
        }
        let spec = PropertyTableSpec(sourceKind: "table", property: "band_gap_experimental", unit: "eV")
        let report = try PropertyTableIngester.ingest(path: path, into: store, spec: spec)
        XCTAssertEqual(report.read, 4_604)
        XCTAssertEqual(report.read, report.stored + report.duplicates + report.quarantined)
        // Ag(AuS)2 with a gap of 0 (a metal) is an exact 0 eV, not a censored value.
        let silver = try store.observations(canonicalKey: try Composition(formula: "Ag(AuS)2").canonicalKey())
        XCTAssertEqual(silver.first?.value, 0)
        XCTAssertEqual(silver.first?.qualifier, "exact")
    }

    func testPolymorphsWithDifferentIdsStayDistinct() throws {
        let directory = try TemporaryDirectory()
        let store = try CurateStore.inMemory()
        let path = try directory.write("polymorphs.csv", """
            material_id,formula,energy_above_hull
            mp-1,TiO2,0
            mp-2,TiO2,0
            mp-2,TiO2,0
            mp-3,Ti O2,0.04
            mp-4,Qq,0.1
            mp-5,TiO2,abc
            mp-6,,0.2

            """)
        let report = try PropertyTableIngester.ingest(path: path, into: store, spec: .materialsProject)
        XCTAssertEqual(report.read, 7)
        XCTAssertEqual(report.stored, 3)
        XCTAssertEqual(report.duplicates, 1)
        XCTAssertEqual(report.quarantineByReason, ["formula.unknown_element": 1, "value.unparsable": 1, "formula.missing": 1])
        let titania = try store.observations(canonicalKey: try Composition(formula: "TiO2").canonicalKey())
        XCTAssertEqual(titania.count, 3)
    }

    func testAmbiguousTablesAreRefusedNamingTheColumns() throws {
        let directory = try TemporaryDirectory()
        let store = try CurateStore.inMemory()
        let path = try directory.write("two-values.csv", "formula,band_gap,formation_energy_per_atom\nNaCl,5,-2\n")
        XCTAssertThrowsError(try PropertyTableIngester.ingest(path: path, into: store, spec: .materialsProject)) { error in
            XCTAssertTrue(String(describing: error).contains("--value-column"), String(describing: error))
        }
        let chosen = PropertyTableSpec(sourceKind: "mp", valueColumn: "band_gap")
        XCTAssertEqual(try PropertyTableIngester.ingest(path: path, into: store, spec: chosen).stored, 1)
        let noUnit = try directory.write("unknown.csv", "formula,bulk_modulus\nNaCl,25\n")
        XCTAssertThrowsError(try PropertyTableIngester.ingest(path: noUnit, into: store, spec: .materialsProject)) { error in
            XCTAssertTrue(String(describing: error).contains("--unit"), String(describing: error))
        }
    }
}

/// The ingest's material caches are bounded; a composition seen again after they started over
/// still finds its one material row.
final class MaterialCacheBoundTests: XCTestCase {
    func testCompositionsSeenAgainAfterTheCacheStartsOverShareTheirMaterial() throws {
        // Li_a Na_b O_c with gcd 1: distinct reduced compositions whose fractions differ by far
        // more than the canonical key's 1e-6.
        func gcd(_ x: Int, _ y: Int) -> Int { y == 0 ? x : gcd(y, x % y) }
        var formulas: [String] = []
        for a in 1...60 { for b in 1...60 { for c in 1...30 where gcd(gcd(a, b), c) == 1 { formulas.append("Li\(a)Na\(b)O\(c)") } } }
        let distinct = FormulaInterpretation.cacheLimit + 1_000
        XCTAssertGreaterThan(formulas.count, distinct)
        var text = "id,composition,target\n"
        for (n, formula) in formulas.prefix(distinct).enumerated() { text += "\(n),\(formula),\(Double(n + 1) / 1000)\n" }
        for n in 0..<5 { text += "r\(n),\(formulas[n]),\(-Double(n + 1))\n" }  // the first compositions again, past the limit
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cache-bound-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try CurateStore.inMemory()
        let report = try PropertyTableIngester.ingest(path: path, into: store, spec: .oqmd)
        XCTAssertEqual(report.read, distinct + 5, "\(report)")
        XCTAssertEqual(report.stored, distinct + 5)
        XCTAssertEqual(try store.stats().materialCount, distinct)
        for n in 0..<5 {
            let key = try Composition(formula: formulas[n]).canonicalKey()
            let values = try store.observations(canonicalKey: key).compactMap(\.value).sorted()
            XCTAssertEqual(values, [-Double(n + 1), Double(n + 1) / 1000], formulas[n])
        }
    }
}
