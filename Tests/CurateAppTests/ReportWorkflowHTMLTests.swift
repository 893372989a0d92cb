import CurateApp
import Datasets
import Foundation
import Models
import XCTest

/// `curate report` on the demo's supercon-tc and reaction releases (the committed specs on small
/// real files), on a tiny Roost model trained here, and on the demo's store: the HTML parses and
/// its charts hold one mark per datum with the manifest's (or store's) numbers.
final class ReportWorkflowHTMLTests: XCTestCase {
    private func release(_ name: String) throws -> DemoSummary.Released {
        try XCTUnwrap(try DemoFixture.summary().releases.first { $0.name == name }, "the demo makes \(name)")
    }

    func testReleaseReportDrawsTheManifestsFunnelSplitsAndElements() throws {
        let directory = try TemporaryDirectory()
        let released = try release("supercon-tc")
        let summary = try ReportWorkflow.report(ReportRequest(target: released.directory, out: directory.path("release.html")))
        XCTAssertEqual(summary.kind, "release")
        let manifest = try ReleaseReading.manifest(in: released.directory)
        let html = try ReportHTML(path: summary.out)
        XCTAssertEqual(html.chartOrder, summary.charts)

        let funnel = html.marks("funnel", "bar").map { Double($0.attributes["data-value"] ?? "") }
        XCTAssertEqual(funnel.count, 3 + manifest.funnel.count, "three ingest bars, then one bar per manifest funnel step")
        XCTAssertEqual(funnel.first, Double(manifest.sources.map(\.read).reduce(0, +)), "the first bar is the raw row count")
        XCTAssertEqual(funnel[2], Double(manifest.sources.map(\.stored).reduce(0, +)))
        XCTAssertEqual(Array(funnel.suffix(manifest.funnel.count)), manifest.funnel.map { Double($0.remaining) })
        XCTAssertEqual(funnel.last, Double(manifest.records))

        let splits = html.marks("splits", "bar")
        XCTAssertEqual(splits.map { $0.attributes["data-label"] ?? "" }, ["train", "validation", "test"])
        XCTAssertEqual(splits.map { Int($0.attributes["data-value"] ?? "") }, ["train", "validation", "test"].map { manifest.split.counts[$0] })

        let exclusions = html.marks("exclusions", "bar")
        XCTAssertEqual(exclusions.count, manifest.excludedByRule.count)
        XCTAssertEqual(exclusions.compactMap { Int($0.attributes["data-value"] ?? "") }.reduce(0, +), manifest.excludedByRule.values.reduce(0, +))

        let histograms = ["train", "validation", "test"].map { html.marks("target-\($0)", "bar") }
        let censored = Set((manifest.target.censored ?? [:]).keys)
        let records = try String(contentsOfFile: released.directory + "/records.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let uncensored = records.filter { line in !censored.contains { line.contains(",\($0),") } }.count
        XCTAssertEqual(histograms.flatMap { $0 }.compactMap { Int($0.attributes["data-value"] ?? "") }.reduce(0, +), uncensored,
                       "every uncensored label is counted once in its split's histogram")
        XCTAssertTrue(html.text.contains("censored"))

        let elements = html.marks("elements", "element")
        XCTAssertEqual(elements.count, 118)
        let oxygen = records.filter { $0.split(separator: ",")[3].split(separator: "-").contains("O") }.count
        XCTAssertEqual(elements.first { $0.attributes["data-symbol"] == "O" }?.attributes["data-count"], String(oxygen))
        XCTAssertTrue(html.text.contains(manifest.sources[0].fileSHA256), "provenance shows the source hashes")
        XCTAssertTrue(html.text.contains("id=\"leakage\""))
    }

    func testReactionReleaseReportHasFunnelSplitsAndTargetElements() throws {
        let directory = try TemporaryDirectory()
        let released = try XCTUnwrap(try DemoFixture.summary().releases.last)
        let manifest = try ReleaseReading.manifest(in: released.directory)
        XCTAssertEqual(manifest.representation, "reaction")
        let summary = try ReportWorkflow.report(ReportRequest(target: released.directory, out: directory.path("reactions.html")))
        let html = try ReportHTML(path: summary.out)
        XCTAssertEqual(html.marks("funnel", "bar").count, 3 + manifest.funnel.count)
        XCTAssertEqual(html.marks("splits", "bar").compactMap { Int($0.attributes["data-value"] ?? "") }.reduce(0, +), manifest.records)
        let counted = html.marks("elements", "element").compactMap { Int($0.attributes["data-count"] ?? "") }
        XCTAssertGreaterThan(counted.reduce(0, +), manifest.records, "every reaction's target has at least one element, most several")
        XCTAssertFalse(summary.charts.contains { $0.hasPrefix("target-") }, "reactions have no target values to histogram")
    }

    func testModelReportDrawsLearningCurvesAndParityOnTheData() throws {
        let folder = try ModelWorkflowFixtures.temporaryDirectory()
        let csv = try ModelWorkflowFixtures.oqmdCSV(rows: 60, in: folder)
        let model = folder.appendingPathComponent("roost").path
        var training = TrainingRequest(data: csv, out: model, epochs: 3, ensemble: 2)
        (training.target, training.embedding, training.size, training.batchSize, training.learningRate) = ("target", "onehot", "tiny", 16, 3e-3)
        _ = try ModelTraining.roost(training)

        var request = ReportRequest(target: model, data: csv, out: folder.appendingPathComponent("model.html").path)
        request.targetColumn = "target"
        let summary = try ReportWorkflow.report(request)
        XCTAssertEqual(summary.kind, "model")
        XCTAssertEqual(summary.charts, ["learning-curves", "parity", "residuals", "confidence-error"])
        let html = try ReportHTML(path: summary.out)
        let lines = html.marks("learning-curves", "line")
        XCTAssertEqual(lines.count, 4, "train and validation loss for each of two members")
        XCTAssertTrue(lines.allSatisfy { ($0.attributes["points"] ?? "").split(separator: " ").count == 3 }, "one vertex per epoch")
        XCTAssertEqual(html.marks("parity", "point").count, 60)
        XCTAssertEqual(html.marks("residuals", "bar").compactMap { Int($0.attributes["data-value"] ?? "") }.reduce(0, +), 60)
        var evaluate = PredictionRequest(model: model, data: csv)
        evaluate.target = "target"
        guard case .regression(let metrics) = try ModelPrediction.evaluate(evaluate) else { return XCTFail("not a regressor") }
        XCTAssertTrue(html.text.contains(String(format: "%.4g", metrics.mae)), "the report's MAE is evaluate's")
        XCTAssertTrue(html.text.contains("mean of training targets"))
    }

    func testStoreReportCountsSourcesQuarantineAndFlags() throws {
        let directory = try TemporaryDirectory()
        let store = try DemoFixture.storeCopy(in: directory)
        let summary = try ReportWorkflow.report(ReportRequest(store: store, out: directory.path("store.html")))
        XCTAssertEqual(summary.kind, "store")
        let html = try ReportHTML(path: summary.out)
        let stats = try StoreInventory.stats(storePath: store)
        XCTAssertEqual(html.marks("sources", "bar").compactMap { Int($0.attributes["data-value"] ?? "") }, stats.sources.map(\.observations))
        XCTAssertEqual(html.marks("quarantine", "bar").count, stats.quarantineByReason.count)
        let flags = try FlagDecisions.list(storePath: store, status: "all").count
        XCTAssertGreaterThan(flags, 0, "the demo's balance check records flags")
        XCTAssertEqual(html.marks("flags", "bar").compactMap { Int($0.attributes["data-value"] ?? "") }.reduce(0, +), flags)
    }

    func testTargetThatIsNeitherReleaseNorModelIsNamed() throws {
        let directory = try TemporaryDirectory()
        XCTAssertThrowsError(try ReportWorkflow.report(ReportRequest(target: directory.url.path))) { error in
            XCTAssertTrue("\(error)".contains("neither a release directory"), "\(error)")
        }
        XCTAssertThrowsError(try ReportWorkflow.report(ReportRequest()))
    }
}
