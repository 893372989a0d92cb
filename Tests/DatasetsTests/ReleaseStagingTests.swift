import Foundation
import XCTest
@testable import Datasets

/// Issue 17 item 6: leftover staging folders of killed releases are cleaned by the next
/// release, and dataset names are single path components.
final class ReleaseStagingTests: XCTestCase {
    /// The PID of a process that has exited (and been reaped).
    private func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func testLeftoversOfDeadProcessesAreRemovedAndLiveOnesReported() throws {
        let parent = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["30"]
        try sleeper.run()
        defer { sleeper.terminate() }
        let dead = "\(parent)/.tc.partial-\(try deadPID())"
        let live = "\(parent)/.tc.partial-\(sleeper.processIdentifier)"
        let unrelated = ["\(parent)/.tc.partial-abc", "\(parent)/tc.partial-12", "\(parent)/1.0.0"]
        for path in [dead, live] + unrelated {
            try FileManager.default.createDirectory(atPath: path + "/splits", withIntermediateDirectories: true)
        }
        let leftovers = ReleaseStaging.cleanLeftovers(in: parent)
        XCTAssertEqual(leftovers.removed, [dead])
        XCTAssertEqual(leftovers.inUse, [live])
        XCTAssertFalse(FileManager.default.fileExists(atPath: dead))
        for path in [live] + unrelated { XCTAssertTrue(FileManager.default.fileExists(atPath: path), path) }
        XCTAssertEqual(leftovers.notes.count, 2)
    }

    func testTheTemporaryFolderKeepsOtherProgramsStagingLikeNames() throws {
        let parent = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let dead = try deadPID()
        let ours = "\(parent)/\(StagedFolder.temporaryPrefix)\(UUID().uuidString).partial-\(dead)"
        let theirs = "\(parent)/.editor-swap.partial-\(dead)"
        for path in [ours, theirs] { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        let leftovers = ReleaseStaging.cleanLeftovers(in: parent, namePrefix: StagedFolder.temporaryPrefix)
        XCTAssertEqual(leftovers.removed, [ours])
        XCTAssertTrue(FileManager.default.fileExists(atPath: theirs), "a name without curate's prefix is left alone")
    }

    func testTheNextReleaseCleansAKilledReleasesStagingFolder() throws {
        let (_, outcome) = try ReleaseTests(name: "shared", testClosure: { _ in }).sharedRelease()
        let parent = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let leftover = "\(parent)/.0.9.0.partial-\(try deadPID())"
        try FileManager.default.createDirectory(atPath: leftover, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: leftover + "/records.jsonl", contents: Data("half".utf8))
        let found = try ReleaseWriter.write(outcome.files, to: "\(parent)/1.0.0")
        XCTAssertEqual(found.removed, [leftover])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent), ["1.0.0"])
    }

    func testDatasetNamesMustBeSinglePathComponents() throws {
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for name in ["..", ".", "", "a/b", ".hidden"] {
            let spec = directory + "/spec-\(UUID().uuidString).dataset.json"
            try #"{ "name": "\#(name)", "description": "t", "sources": [], "curation": "c.json", "target": { "property": "tc", "unit": "K" }, "representation": "composition", "split": { "strategy": "random" }, "seed": 1 }"#
                .write(toFile: spec, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try DatasetRelease.checkName(name, specPath: spec), name) { error in
                XCTAssertTrue("\(error)".contains("single path component"), "\(error)")
            }
        }
        XCTAssertNoThrow(try DatasetRelease.checkName("supercon-tc", specPath: "s.json"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasSuffix(".dataset.json") }, [])
    }

    func testAReleaseOfASpecNamedDotDotIsRefusedBeforeAnythingIsWritten() throws {
        let directory = try Paths.temporary()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let inner = directory + "/specs"
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
        let spec = try ReleaseTests(name: "shared", testClosure: { _ in }).writeSpec(in: inner, name: "..")
        XCTAssertThrowsError(try DatasetRelease.release(specPath: spec, version: "1.0.0")) { error in
            XCTAssertTrue("\(error)".contains("single path component"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory + "/1.0.0"))
    }
}
