import Foundation
import XCTest
@testable import Datasets

/// `"exports": ["parquet"]`: releases gain `exports/parquet/<split>.parquet`, which pyarrow and
/// DuckDB read back cell for cell equal to `records.csv` (scripts/parquet-check-release.py);
/// specs without the field release exactly as before.
final class ParquetReleaseTests: XCTestCase {
    /// A copy of starter spec `name` asking for Parquet, its paths made absolute.
    func specAskingForParquet(_ name: String, in directory: String) throws -> String {
        let original = Paths.datasets + "/\(name).dataset.json"
        var spec = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: original))) as? [String: Any])
        func absolute(_ path: String) -> String { URL(fileURLWithPath: Paths.datasets).appendingPathComponent(path).standardized.path }
        let sources = try XCTUnwrap(spec["sources"] as? [[String: Any]])
        spec["sources"] = try sources.map { source in
            var source = source
            source["path"] = absolute(try XCTUnwrap(source["path"] as? String))
            return source
        }
        spec["curation"] = absolute(try XCTUnwrap(spec["curation"] as? String))
        spec["exports"] = ["parquet"]
        let path = directory + "/\(name).dataset.json"
        try JSONSerialization.data(withJSONObject: spec, options: [.sortedKeys]).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs scripts/parquet-check-release.py on a release: its summary, or a failure naming
    /// the mismatches (or the missing pyarrow / duckdb).
    func checkWithPyArrowAndDuckDB(_ directory: String, file: StaticString = #filePath, line: UInt = #line) throws -> (splits: [String: Int], cells: Int, columns: [String]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Paths.repository.appendingPathComponent("scripts/parquet-check-release.py").path, directory]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let hint = process.terminationStatus == 3 ? " (this test needs pyarrow and duckdb: pip install pyarrow duckdb)" : ""
            XCTFail("scripts/parquet-check-release.py failed with status \(process.terminationStatus)\(hint): \(message)", file: file, line: line)
            throw CocoaError(.fileReadCorruptFile)
        }
        let summary = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], file: file, line: line)
        return (try XCTUnwrap(summary["splits"] as? [String: Int]), try XCTUnwrap(summary["cells"] as? Int),
                try XCTUnwrap(summary["columns"] as? [String]))
    }

    func testSuperconParquetEqualsTheCSVCellForCell() throws {
        _ = try Paths.shared("supercon/mdr-2024/mdr.csv")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try DatasetRelease.release(specPath: try specAskingForParquet("supercon-tc", in: directory), version: "1.0.0",
                                                 outDirectory: directory + "/release")
        let manifest = outcome.files.manifest
        XCTAssertEqual(manifest.datasetSpec.exports, ["parquet"], "the manifest records what the spec asked for")
        let parquet = manifest.files.filter { $0.path.hasPrefix("exports/parquet/") }
        XCTAssertEqual(parquet.map(\.path), ["exports/parquet/test.parquet", "exports/parquet/train.parquet", "exports/parquet/validation.parquet"])
        for file in parquet {
            let label = String(file.path.dropFirst("exports/parquet/".count).dropLast(".parquet".count))
            XCTAssertEqual(file.rows, manifest.split.counts[label], file.path)
        }
        let check = try checkWithPyArrowAndDuckDB(outcome.directory)
        XCTAssertEqual(check.splits, manifest.split.counts)
        XCTAssertEqual(check.cells, manifest.records * check.columns.count)
        XCTAssertEqual(check.columns.count, 15)
    }

    func testPolymorphParquetHasTheProtostructureColumnAndRebuildsByteForByte() throws {
        _ = try Paths.shared("README.md")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let outcome = try DatasetRelease.release(specPath: try specAskingForParquet("li-fe-o-polymorphs", in: directory), version: "1.0.0",
                                                 outDirectory: directory + "/release")
        let check = try checkWithPyArrowAndDuckDB(outcome.directory)
        XCTAssertTrue(check.columns.contains("protostructure"))
        XCTAssertEqual(check.splits, outcome.files.manifest.split.counts)
        // The rebuild reproduces the Parquet files byte for byte (the cheaper of the two releases).
        let verification = try DatasetRelease.verify(directory: outcome.directory)
        XCTAssertTrue(verification.verified, "\(verification)")
        XCTAssertTrue(verification.identical.contains("exports/parquet/train.parquet"), "\(verification.identical)")
    }

    func testReactionParquetHasListsOfPrecursorsAndActions() throws {
        let sample = try Paths.shared("synthesis/sol-gel-2020-schema-sample-40.json")
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: Paths.datasets + "/synthesis.curation.json", toPath: directory + "/synthesis.curation.json")
        try """
            { "name": "sol-gel", "description": "", "sources": [ { "kind": "synthesis", "path": "\(sample)", "name": "sol-gel" } ],
              "curation": "synthesis.curation.json", "target": { "property": "synthesis_reaction", "unit": "" },
              "representation": "reaction", "split": { "strategy": "grouped", "group_by": "composition",
                "fractions": { "train": 0.5, "validation": 0, "test": 0.5 } }, "seed": 3, "exports": ["parquet"] }
            """.write(toFile: directory + "/sol-gel.dataset.json", atomically: true, encoding: .utf8)
        let outcome = try DatasetRelease.release(specPath: directory + "/sol-gel.dataset.json", version: "1.0.0")
        let check = try checkWithPyArrowAndDuckDB(outcome.directory)
        XCTAssertEqual(check.columns, ["id", "composition", "composition_json", "canonical_key", "chemical_system", "precursors",
                                       "precursor_keys", "actions", "doi", "split", "provenance"])
        XCTAssertEqual(check.splits.values.reduce(0, +), outcome.files.manifest.records)
    }

    func testSpecsWithoutExportsKeepTheirCanonicalJSONAndHash() throws {
        let spec = try DatasetSpec.load(path: Paths.datasets + "/supercon-tc.dataset.json")
        XCTAssertNil(spec.exports)
        XCTAssertFalse(try spec.canonicalJSON().contains("exports"))
        // The hash supercon-tc 1.0.0 releases recorded before `exports` existed.
        XCTAssertEqual(ReleaseFiles.sha256(Data(try spec.canonicalJSON().utf8)), "1339a45c18dc336dcd4718eac85aa8b9aaf901e06e8f66fdcc501ae8f726e13e")
    }

    func testUnknownOrRepeatedExportsAreRefusedByName() throws {
        let base = try String(contentsOfFile: Paths.datasets + "/supercon-tc.dataset.json", encoding: .utf8)
        func error(_ exports: String) -> String {
            let text = base.replacingOccurrences(of: "\"seed\": 20181", with: "\"seed\": 20181, \"exports\": \(exports)")
            do {
                try DatasetSpec.decode(Data(text.utf8), path: "s.json").validate(path: "s.json")
                return ""
            } catch { return "\(error)" }
        }
        XCTAssertEqual(error("[\"parquet\"]"), "")
        XCTAssertTrue(error("[\"csv\"]").contains("exports[0]: \"csv\" is not an optional export; known: card, parquet"), error("[\"csv\"]"))
        XCTAssertTrue(error("[\"parquet\", \"parquet\"]").contains("exports[1]: \"parquet\" is listed twice"))
    }
}
