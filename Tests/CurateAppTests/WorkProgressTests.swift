import CurateApp
import CurateIO
import Foundation
import XCTest

/// Long workflows report their stages in order (the command line draws them); a release of a
/// file-backed source names the file its ingest stage reads.
final class WorkProgressTests: XCTestCase {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var stages: [WorkStage] = []
        var report: WorkProgress { { stage in self.lock.withLock { self.stages.append(stage) } } }
        var all: [WorkStage] { lock.withLock { stages } }
    }

    func testReleaseAndCleanReportEveryStageInOrder() throws {
        let sample = try TestPaths.shared("synthesis/sol-gel-2020-schema-sample-40.json")
        let folder = try TemporaryDirectory()
        try FileManager.default.copyItem(atPath: try TestPaths.inRepository("datasets/synthesis.curation.json"),
                                         toPath: folder.url.appendingPathComponent("synthesis.curation.json").path)
        let spec = folder.url.appendingPathComponent("sol-gel.dataset.json").path
        try """
            { "name": "sol-gel", "description": "", "sources": [ { "kind": "synthesis", "path": "\(sample)", "name": "sol-gel" } ],
              "curation": "synthesis.curation.json", "target": { "property": "synthesis_reaction", "unit": "" },
              "representation": "reaction", "split": { "strategy": "grouped", "group_by": "composition", "fractions": { "train": 0.5, "validation": 0, "test": 0.5 } },
              "seed": 3 }
            """.write(toFile: spec, atomically: true, encoding: .utf8)
        let storePath = folder.url.appendingPathComponent("s.sqlite").path
        let release = Recorder()
        _ = try ReleaseWorkflow.release(specPath: spec, version: "1.0.0", outDirectory: folder.url.appendingPathComponent("r").path,
                                        storePath: storePath, progress: release.report)
        // One source: hash, ingest (reading the file), curate and split, render, write.
        XCTAssertEqual(release.all.map(\.index), [0, 0, 1, 2, 3])
        XCTAssertEqual(Set(release.all.map(\.count)), [4])
        // Compared with symbolic links resolved: ../shared may be a link, which the release resolves.
        XCTAssertEqual(release.all[1].file.map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path },
                       URL(fileURLWithPath: sample).resolvingSymlinksInPath().path, "the ingest stage names the file it reads")
        XCTAssertEqual(release.all.last?.label, "write the release")
        XCTAssertEqual(release.all.map(\.share), [0, 0, 0.25, 0.5, 0.75])

        let again = Recorder()
        _ = try ReleaseWorkflow.release(specPath: spec, version: "1.0.1", storePath: storePath, dryRun: true, progress: again.report)
        XCTAssertEqual(again.all.map(\.label), ["hash source sol-gel", "curate and split", "render the files"],
                       "the source is in the store already, and a dry run writes nothing")

        let clean = Recorder()
        _ = try CleanWorkflow.clean(specPath: folder.url.appendingPathComponent("synthesis.curation.json").path, storePath: storePath,
                                    progress: clean.report)
        XCTAssertEqual(clean.all.map(\.index), [0, 1], "curation streams: read and curate, then close the run")
        XCTAssertEqual(clean.all[0].label, "read and curate the observations")
        XCTAssertTrue(clean.all[1].label.hasPrefix("record the run (") && clean.all[1].label.hasSuffix(" observations)"), clean.all[1].label)
        XCTAssertEqual(WorkStage(index: 2, count: 4, label: "x", done: 50, total: 100).share, 0.625)
    }
}
