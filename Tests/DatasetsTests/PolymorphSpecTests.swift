import Foundation
import XCTest
@testable import Datasets

/// The polymorph starter specs (`flla-formation`, `perov5-heat`) release through the
/// `structures` source kind, keep one record per polymorph with every polymorph of a
/// composition in one split, export Wren input, and rebuild byte for byte.
final class PolymorphSpecTests: XCTestCase {
    private func releaseAndVerify(_ name: String, source: String) throws -> (records: [[String: Any]], manifest: ReleaseManifest, wren: String?) {
        _ = try Paths.shared(source)
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try DatasetRelease.release(specPath: Paths.datasets + "/\(name).dataset.json", version: "1.0.0",
                                                 outDirectory: directory + "/\(name)/1.0.0")
        let verification = try DatasetRelease.verify(directory: outcome.directory)
        XCTAssertTrue(verification.verified, "\(name): \(verification)")
        let text = String(decoding: try XCTUnwrap(outcome.files.contents["records.jsonl"]), as: UTF8.self)
        let records = try text.split(separator: "\n").map { line in
            try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        return (records, outcome.files.manifest, outcome.files.contents["exports/wren/test.csv"].map { String(decoding: $0, as: UTF8.self) })
    }

    /// One record per (composition, label), polymorphs in one split; returns compositions with 2+ records.
    private func checkPolymorphs(_ records: [[String: Any]], file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        var keys = Set<String>()
        var splitOf: [String: String] = [:]
        var count: [String: Int] = [:]
        for record in records {
            let label = try XCTUnwrap(record["protostructure"] as? String)
            let key = try XCTUnwrap(record["canonical_key"] as? String), split = try XCTUnwrap(record["split"] as? String)
            XCTAssertEqual(String(label.split(separator: ":").last ?? ""), record["chemical_system"] as? String, file: file, line: line)
            XCTAssertTrue(keys.insert(key + " " + label).inserted, "one record per (composition, protostructure)", file: file, line: line)
            XCTAssertEqual(splitOf.updateValue(split, forKey: key) ?? split, split, "polymorphs share a split", file: file, line: line)
            count[key, default: 0] += 1
        }
        return count.values.filter { $0 >= 2 }.count
    }

    func testPerov5HeatReleasesOneRecordPerCellAndVerifies() throws {
        let (records, manifest, wren) = try releaseAndVerify("perov5-heat", source: "polymorphs/perov_5_test.csv.xz")
        XCTAssertEqual(manifest.sources[0].read, 4 * 3785, "four value columns per row")
        XCTAssertEqual(manifest.records, 3785, "every A/B-site swap is its own protostructure")
        XCTAssertEqual(try checkPolymorphs(records), 376)
        XCTAssertEqual(wren?.split(separator: "\n").first, "material_id,composition,protostructure,heat_ref")
        for report in manifest.leakage { XCTAssertEqual(report.sharedCompositions, 0) }
    }

    func testFLLAFormationReleasesPolymorphsAndVerifies() throws {
        let (records, manifest, wren) = try releaseAndVerify("flla-formation", source: "polymorphs/flla_2015.csv.xz")
        XCTAssertEqual(manifest.sources[0].read, 3 * 3938, "three value columns per row")
        XCTAssertEqual(manifest.sources[0].quarantined, 0)
        let polymorphs = try checkPolymorphs(records)
        XCTAssertGreaterThanOrEqual(polymorphs, 120)
        XCTAssertLessThanOrEqual(polymorphs, 141, "141 compositions have two or more FLLA rows")
        XCTAssertEqual(wren?.split(separator: "\n").first, "material_id,composition,protostructure,formation_energy_per_atom")
    }
}
