import CurateIO
import Foundation
import XCTest

/// The streaming gzip reader: whole files, lines, and typed errors for damaged input.
final class GzipReaderTests: XCTestCase {
    private func temporary(_ bytes: [UInt8], name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("curate-gzip-\(UUID().uuidString)-\(name)")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testReadsLiFeOAndLines() throws {
        let url = try SharedData.url("mp/emmet/Li-Fe-O.json.gz")
        let data = try GzipReader(url: url).readAll()
        XCTAssertEqual(data.first, UInt8(ascii: "["))
        let lines = try GzipLineReader(url: url)
        var count = 0
        var total = 0
        while let line = try lines.nextLine() { count += 1; total += line.utf8.count }
        XCTAssertEqual(total + count, data.count + (data.last == UInt8(ascii: "\n") ? 0 : 1))
    }

    func testTruncatedAndCorruptInputNameTheFile() throws {
        let bytes = [UInt8](try Data(contentsOf: try SharedData.url("mp/emmet/Li-Fe-O.json.gz")))
        let truncated = try temporary(Array(bytes[0..<(bytes.count / 2)]), name: "truncated.gz")
        XCTAssertThrowsError(try GzipReader(url: truncated).readAll()) { error in
            guard case .truncated(let path, _) = error as? GzipError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, truncated.path)
        }
        var damaged = bytes
        for i in 200..<400 { damaged[i] ^= 0x5A }
        let corrupt = try temporary(damaged, name: "corrupt.gz")
        XCTAssertThrowsError(try GzipReader(url: corrupt).readAll()) { error in
            guard case .corrupt(let path, _, _) = error as? GzipError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, corrupt.path)
        }
        let notGzip = try temporary(Array("plain text\n".utf8), name: "plain.gz")
        XCTAssertThrowsError(try GzipReader(url: notGzip).readAll()) { error in
            guard case .corrupt = error as? GzipError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try GzipReader(url: URL(fileURLWithPath: "/nonexistent/x.gz"))) { error in
            XCTAssertEqual(error as? GzipError, .cannotOpen(path: "/nonexistent/x.gz"))
        }
    }
}
