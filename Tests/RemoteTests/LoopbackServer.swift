import Foundation
import XCTest
@testable import Remote

/// The Python test server (Fixtures/pull_test_server.py) on an ephemeral loopback port, serving
/// ../shared/data; stopped when the value goes away.
final class LoopbackServer {
    let process = Process()
    let port: Int
    static let dataRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data").path

    init() throws {
        guard FileManager.default.fileExists(atPath: Self.dataRoot) else {
            XCTFail("missing shared data \(Self.dataRoot): these tests need ../shared/data beside the repository")
            throw CocoaError(.fileNoSuchFile)
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/pull_test_server.py").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, Self.dataRoot]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw CocoaError(.fileReadCorruptFile)
        }
        self.port = port
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The server's request log, one line per request: `GET PATH STATUS BODY-BYTES RANGE`.
    func log() throws -> [String] {
        var data = Data()
        let response = HTTPTransfer(url: url("/log")).perform { _, bytes in
            data.append(contentsOf: bytes)
            return true
        }
        XCTAssertEqual(response.status, 200)
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.contains(" /log ") }
    }
}

/// A tool's digest of a file (sha256sum / md5sum), independent of the code under test.
func toolDigest(_ tool: String, _ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool, path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    process.waitUntilExit()
    return String(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix { !$0.isWhitespace })
}
