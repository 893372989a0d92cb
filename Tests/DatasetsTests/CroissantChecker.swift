import Foundation
import XCTest

/// Runs `scripts/croissant-check.py` on a release: mlcroissant loads (and so validates)
/// `croissant.json` and reads every split through it; a missing python3 or mlcroissant fails
/// the test with the install command.
enum CroissantChecker {
    /// What the script prints.
    struct Summary {
        var version: String
        var splits: [String: Int]
        var cells: Int
        var warnings: [String]
    }

    static func check(_ directory: String, file: StaticString = #filePath, line: UInt = #line) throws -> Summary {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Paths.repository.appendingPathComponent("scripts/croissant-check.py").path, directory]
        // stderr goes to a file, so that a chatty stderr cannot fill a pipe while stdout is read.
        let errorPath = FileManager.default.temporaryDirectory.appendingPathComponent("curate-croissant-\(UUID().uuidString).log")
        guard FileManager.default.createFile(atPath: errorPath.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? FileManager.default.removeItem(at: errorPath) }
        let output = Pipe()
        process.standardOutput = output
        let errorHandle = try FileHandle(forWritingTo: errorPath)
        defer { try? errorHandle.close() }
        process.standardError = errorHandle
        do { try process.run() } catch {
            XCTFail("cannot run python3 (these tests need python3 and mlcroissant: python3 -m pip install mlcroissant): \(error)", file: file, line: line)
            throw error
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: (try? Data(contentsOf: errorPath)) ?? Data(), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let hint = process.terminationStatus == 127 || process.terminationStatus == 3
                ? " (these tests need python3 and mlcroissant: python3 -m pip install mlcroissant)" : ""
            XCTFail("scripts/croissant-check.py failed with status \(process.terminationStatus)\(hint): \(message)", file: file, line: line)
            throw CocoaError(.fileReadCorruptFile)
        }
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], file: file, line: line)
        return Summary(version: try XCTUnwrap(object["mlcroissant"] as? String, file: file, line: line),
                       splits: try XCTUnwrap(object["splits"] as? [String: Int], file: file, line: line),
                       cells: try XCTUnwrap(object["cells"] as? Int, file: file, line: line),
                       warnings: try XCTUnwrap(object["warnings"] as? [String], file: file, line: line))
    }
}
