import CurateApp
import Foundation
import XCTest

/// The review workflows on what the demo made: element-balance flags on the 2019 synthesis
/// release, decisions and export, planting errors and scoring the balance rules against them.
final class ReviewWorkflowTests: XCTestCase {
    private func reactionRelease() throws -> String {
        try XCTUnwrap(try DemoFixture.summary().releases.first { $0.name == "solid-state-synthesis" }).directory
    }

    func testBalanceWithoutAStoreRecordsNothingAndCountsByRule() throws {
        let result = try BalanceWorkflow.run(BalanceWorkflow.Request(release: try reactionRelease()))
        XCTAssertNil(result.summary.recorded)
        XCTAssertEqual(result.summary.flagged, result.entries.count)
        XCTAssertEqual(result.summary.byRule.values.reduce(0, +), result.entries.map(\.findings.count).reduce(0, +))
        let demo = try DemoFixture.summary().balance
        XCTAssertEqual(result.summary.checked, demo.checked)
        XCTAssertEqual(result.summary.flagged, demo.flagged)
        XCTAssertEqual(result.summary.byRule, demo.byRule)
    }

    func testPlantedErrorsAreWrittenAndTheBalanceRulesCatchSomeWrongElements() throws {
        let directory = try TemporaryDirectory()
        let planted = try PlantedErrorWorkflow.plant(release: try reactionRelease(), fraction: 0.05, seed: 1, out: directory.path("planted"))
        XCTAssertGreaterThan(planted.planted, 0)
        XCTAssertEqual(planted.byCorruption.values.reduce(0, +), planted.planted)
        let keyLines = try String(contentsOfFile: directory.path("planted/planted.csv"), encoding: .utf8).split(separator: "\n").count
        XCTAssertEqual(keyLines, planted.planted + 1)
        var request = BalanceWorkflow.Request(release: directory.path("planted"))
        request.key = directory.path("planted/planted.csv")
        let score = try XCTUnwrap(try BalanceWorkflow.run(request).summary.planted)
        XCTAssertEqual(Set(score.caughtByCorruption.keys), Set(planted.byCorruption.keys))
        let caught = score.caughtByCorruption.values.compactMap { Int($0.split(separator: "/").first ?? "") }.reduce(0, +)
        XCTAssertGreaterThan(caught, 0, "\(score.caughtByCorruption)")
        XCTAssertLessThanOrEqual(score.cleanFlagged, score.clean)
    }

    func testDecisionsAndExportOnACopyOfTheDemoStore() throws {
        let directory = try TemporaryDirectory()
        let store = try DemoFixture.storeCopy(in: directory)
        let open = try FlagDecisions.list(storePath: store)
        let first = try XCTUnwrap(open.first)
        XCTAssertEqual(open.map(\.score), open.map(\.score).sorted(by: >))
        let shown = try FlagDecisions.show(id: first.id, storePath: store)
        XCTAssertTrue(shown.text.contains(first.subjectKey), shown.text)
        XCTAssertThrowsError(try FlagDecisions.decide(id: first.id, decision: .accept, note: "  ", storePath: store))
        let accepted = try FlagDecisions.decide(id: first.id, decision: .accept, note: "checked the paper", storePath: store)
        XCTAssertEqual(accepted.status.rawValue, "accepted")
        XCTAssertEqual(try FlagDecisions.list(storePath: store).count, open.count - 1)
        XCTAssertEqual(try FlagDecisions.list(storePath: store, status: "accepted").map(\.id), [first.id])
        let export = try FlagDecisions.export(storePath: store, format: .csv, out: directory.path("flags.csv"))
        XCTAssertEqual(export.count, open.count)
        let lines = try String(contentsOfFile: directory.path("flags.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertGreaterThanOrEqual(lines.count, open.count + 1)
        XCTAssertEqual(FlagDecisions.jsonRow(accepted).note, "checked the paper")
        XCTAssertThrowsError(try FlagDecisions.list(storePath: store, status: "maybe")) { error in
            XCTAssertTrue(String(describing: error).contains("--status"), "\(error)")
        }
        XCTAssertThrowsError(try FlagDecisions.show(id: 999_999, storePath: store)) { error in
            XCTAssertEqual(String(describing: error), "no flag with id 999999")
        }
    }

    func testModelWorkflowsFailNamingTheMissingModel() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("no-model")
        _ = try StoreOpening.create(directory.path("s.sqlite"))
        XCTAssertThrowsError(try FlagRaising.properties(model: missing, storePath: directory.path("s.sqlite"))) { error in
            XCTAssertTrue(String(describing: error).contains(missing), "\(error)")
        }
        XCTAssertThrowsError(try FlagRaising.reactions(.predictions(file: directory.path("none.jsonl"), model: nil), storePath: directory.path("s.sqlite")))
        XCTAssertThrowsError(try SimilarWorkflow.similar(to: "no-such-reaction", storePath: directory.path("s.sqlite")))
    }
}
