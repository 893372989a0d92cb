import Foundation
import XCTest

/// Reads Parquet files back with pyarrow and DuckDB through `scripts/parquet-dump.py`; a missing
/// python3, pyarrow or duckdb fails the test with the install command.
enum PyArrowReader {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// What the script prints: rows, row groups, created_by, arrow types and the cells.
    struct Dump {
        var rows: Int
        var rowGroups: Int
        var createdBy: String?
        var schema: [String: String]
        var columns: [String: [Any]]
    }

    /// Writes `bytes` to a temporary file and reads it with pyarrow and DuckDB.
    static func read(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws -> Dump {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("curate-parquet-\(UUID().uuidString).parquet").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appendingPathComponent("scripts/parquet-dump.py").path, path, "--duckdb"]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let hint = process.terminationStatus == 3 ? " (these tests need pyarrow and duckdb: pip install pyarrow duckdb)" : ""
            XCTFail("scripts/parquet-dump.py failed with status \(process.terminationStatus)\(hint): \(message)", file: file, line: line)
            throw CocoaError(.fileReadCorruptFile)
        }
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], file: file, line: line)
        return Dump(rows: try XCTUnwrap(object["rows"] as? Int), rowGroups: try XCTUnwrap(object["row_groups"] as? Int),
                    createdBy: object["created_by"] as? String, schema: try XCTUnwrap(object["schema"] as? [String: String]),
                    columns: try XCTUnwrap(object["columns"] as? [String: [Any]]))
    }
}
