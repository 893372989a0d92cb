import Foundation
import XCTest
@testable import Remote

/// `curate pull` against real HTTP on loopback: download, cache hit, redirects, resume after a
/// dropped connection, a server that ignores Range, checksum mismatches, error statuses and
/// timeouts. Every file pulled is compared with the served one byte for byte.
final class PullTests: XCTestCase {
    private var server: LoopbackServer!
    private var directory: String!
    private let file = "vasp/postprocess_vasprun.xml.gz"
    private var source: String { LoopbackServer.dataRoot + "/" + file }

    override func setUpWithError() throws {
        server = try LoopbackServer()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("pull-\(UUID().uuidString)").path
    }

    override func tearDown() {
        server = nil
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func request(_ path: String, sha256: String? = nil, md5: String? = nil,
                         timeouts: PullTimeouts = PullTimeouts(connect: 5, stall: 5)) throws -> PullRequest {
        let expected = try sha256.map { try ExpectedDigest(algorithm: "sha256", hex: $0) } ?? md5.map { try ExpectedDigest(algorithm: "md5", hex: $0) }
        return PullRequest(url: server.url(path), expected: expected, directory: directory, timeouts: timeouts)
    }

    private func hiddenFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    func testDownloadVerifiesAndASecondPullTransfersNothing() throws {
        let sha = try toolDigest("sha256sum", source)
        let first = try Puller.pull(request("/files/\(file)", sha256: sha))
        XCTAssertEqual(first.outcome, "downloaded")
        XCTAssertEqual(first.sha256, sha)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: first.path)), try Data(contentsOf: URL(fileURLWithPath: source)))
        XCTAssertEqual(first.transferred, first.size)
        XCTAssertNotNil(first.headers["etag"])
        XCTAssertEqual(try hiddenFiles(), [".postprocess_vasprun.xml.gz.pull.json", "postprocess_vasprun.xml.gz"])
        let second = try Puller.pull(request("/files/\(file)", sha256: sha))
        XCTAssertEqual(second.outcome, "unchanged")
        XCTAssertEqual(second.transferred, 0)
        XCTAssertEqual(second.sha256, sha)
        XCTAssertEqual(try server.log().last, "GET /files/\(file) 304 0 -")
        XCTAssertEqual(try hiddenFiles(), [".postprocess_vasprun.xml.gz.pull.json", "postprocess_vasprun.xml.gz"])
    }

    func testFollowsRedirectsAndChecksMD5() throws {
        let md5 = try toolDigest("md5sum", source)
        let result = try Puller.pull(request("/redirect/3/\(file)", md5: md5))
        XCTAssertEqual(result.redirects, 3)
        XCTAssertEqual(result.effectiveURL, server.url("/files/\(file)"))
        XCTAssertEqual(result.md5, md5)
        XCTAssertEqual(result.sha256, try toolDigest("sha256sum", source))
    }

    func testDroppedConnectionKeepsThePartAndTheNextPullResumes() throws {
        let size = Int64(try Data(contentsOf: URL(fileURLWithPath: source)).count)
        XCTAssertThrowsError(try Puller.pull(request("/drop-once/\(file)"))) { error in
            guard case .interrupted(_, _, let timedOut, let kept, let partial)? = error as? PullError else { return XCTFail("\(error)") }
            XCTAssertFalse(timedOut)
            XCTAssertEqual(kept, size / 2)
            XCTAssertTrue(partial.hasSuffix(".postprocess_vasprun.xml.gz.part"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/postprocess_vasprun.xml.gz"), "nothing under the final name")
        let result = try Puller.pull(request("/drop-once/\(file)", sha256: try toolDigest("sha256sum", source)))
        XCTAssertEqual(result.outcome, "resumed")
        XCTAssertEqual(result.transferred, size - size / 2)
        XCTAssertEqual(try server.log().last, "GET /drop-once/\(file) 206 \(size - size / 2) bytes=\(size / 2)-")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: result.path)), try Data(contentsOf: URL(fileURLWithPath: source)))
    }

    func testServerThatIgnoresRangeRestartsAndSaysSo() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        try bytes.prefix(1000).write(to: URL(fileURLWithPath: directory + "/.postprocess_vasprun.xml.gz.part"))
        let result = try Puller.pull(request("/norange/\(file)"))
        XCTAssertEqual(result.outcome, "restarted")
        XCTAssertEqual(result.transferred, Int64(bytes.count))
        XCTAssertTrue(result.notes.first?.contains("ignored Range") == true, "\(result.notes)")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: result.path)), bytes)
    }

    func testChecksumMismatchKeepsTheFileAsideWithBothDigests() throws {
        let wrong = String(repeating: "0", count: 64)
        let actual = try toolDigest("sha256sum", source)
        XCTAssertThrowsError(try Puller.pull(request("/files/\(file)", sha256: wrong))) { error in
            guard case .checksumMismatch(_, "sha256", let expected, let got, _, let keptAt)? = error as? PullError else { return XCTFail("\(error)") }
            XCTAssertEqual(expected, wrong)
            XCTAssertEqual(got, actual)
            XCTAssertTrue(keptAt.hasSuffix("postprocess_vasprun.xml.gz.rejected"))
            XCTAssertTrue("\(error)".contains(wrong) && "\(error)".contains(actual))
        }
        XCTAssertEqual(try hiddenFiles(), [".postprocess_vasprun.xml.gz.pull.json", "postprocess_vasprun.xml.gz.rejected"])
    }

    func testErrorStatusesNameTheURLAndLeaveNothing() throws {
        for status in [404, 500] {
            XCTAssertThrowsError(try Puller.pull(request("/status/\(status)"))) { error in
                guard case .http(let got, let url, _, _)? = error as? PullError else { return XCTFail("\(error)") }
                XCTAssertEqual(got, status)
                XCTAssertEqual(url, self.server.url("/status/\(status)"))
                XCTAssertTrue("\(error)".hasPrefix("HTTP \(status) from http://127.0.0.1:"), "\(error)")
            }
        }
        XCTAssertThrowsError(try Puller.pull(request("/files/vasp/no-such-file.xml")))
        XCTAssertEqual(try hiddenFiles(), [])
    }

    func testStalledTransferTimesOutWithTheConfiguredLimit() throws {
        let started = Date()
        XCTAssertThrowsError(try Puller.pull(request("/stall/\(file)", timeouts: PullTimeouts(connect: 5, stall: 1)))) { error in
            guard case .interrupted(_, _, let timedOut, let kept, _)? = error as? PullError else { return XCTFail("\(error)") }
            XCTAssertTrue(timedOut)
            XCTAssertEqual(kept, 10)
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testRefusedConnectionAndBadRequests() throws {
        let closed = PullRequest(url: "http://127.0.0.1:1/x.gz", directory: directory, timeouts: PullTimeouts(connect: 2, stall: 2))
        XCTAssertThrowsError(try Puller.pull(closed)) { error in
            guard case .interrupted? = error as? PullError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try Puller.pull(PullRequest(url: "ftp://example.org/x", directory: directory)))
        XCTAssertThrowsError(try ExpectedDigest(algorithm: "sha256", hex: "abc"))
    }
}
