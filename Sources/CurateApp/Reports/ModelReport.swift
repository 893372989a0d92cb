import Charts
import Foundation
import Models

/// The HTML report of one model directory: learning curves per member, the ensemble's and the
/// members' settings, and — given data — parity, residuals, confidence–error curve and metrics
/// against the mean baseline on the test split (scored through `ModelPrediction`).
enum ModelReport {
    /// Above this many points the parity plot is a hexbin density instead of a scatter.
    static let densityThreshold = 5000

    static func build(directory: String, data: String?, target: String?) throws -> HTMLReport {
        let ensemble = try jsonObject((directory as NSString).appendingPathComponent("ensemble.json"))
        let name = try ModelPrediction.modelName(directory)
        let members = (ensemble["members"] as? [String]) ?? []
        var page = HTMLReport(title: "\(name) model · \((directory as NSString).lastPathComponent)",
                              subtitle: "\(members.count) ensemble members · \(directory)")
        learningCurves(directory: directory, members: members, into: &page)
        page.section("Settings", "ensemble.json and each member's config.json.")
        page.table(id: "ensemble", header: ["field", "value"], rows: flatten(ensemble))
        for member in members {
            let config = (try? jsonObject((directory as NSString).appendingPathComponent("\(member)/config.json"))) ?? [:]
            if !config.isEmpty { page.table(id: "config-\(member)", header: ["\(member) field", "value"], rows: flatten(config)) }
        }
        if let data {
            if name == ReactionModel.name {
                try reactionEvaluation(directory: directory, data: data, into: &page)
            } else {
                try regressionEvaluation(directory: directory, data: data, target: target, into: &page)
            }
        }
        return page
    }

    /// Train (solid) and validation (dashed) loss per epoch for every member, from member-k/log.csv.
    static func learningCurves(directory: String, members: [String], into page: inout HTMLReport) {
        var series: [LineChart.Series] = []
        for member in members {
            guard let log = try? CSVTable(path: (directory as NSString).appendingPathComponent("\(member)/log.csv")) else { continue }
            for (column, dashed) in [("train_loss", false), ("val_loss", true)] where log.columns[column] != nil {
                let points = log.rows.compactMap { row -> Point? in
                    guard let epoch = Double(log.value(row, "epoch") ?? ""), let loss = Double(log.value(row, column) ?? "") else { return nil }
                    return Point(epoch, loss)
                }
                series.append(.init(name: "\(member) \(column == "train_loss" ? "train" : "validation")", points: points, dashed: dashed))
            }
        }
        page.section("Learning curves", "Loss per epoch from each member's log.csv: training solid, validation dashed.")
        let positive = series.allSatisfy { $0.points.allSatisfy { $0.y > 0 } }
        page.chart(LineChart(id: "learning-curves", title: "Loss per epoch", series: series, xTitle: AxisTitle("epoch"),
                             yTitle: AxisTitle(positive ? "loss (log scale)" : "loss"), logY: positive,
                             frame: PlotFrame(width: 760, height: 360, right: 190)).svg(), id: "learning-curves")
    }

    /// Parity, residuals, confidence–error curve and metrics of a Roost or Wren model on the test split.
    static func regressionEvaluation(directory: String, data: String, target: String?, into page: inout HTMLReport) throws {
        let name = try ModelPrediction.modelName(directory)
        let (export, input) = name == WrenModel.name ? ("wren", "protostructure") : ("roost", "composition")
        let isRelease = FileManager.default.fileExists(atPath: (data as NSString).appendingPathComponent("manifest.json"))
        let test = try TrainingData.resolve(data: data, target: isRelease ? target : target ?? "target", idColumn: "id", inputColumn: input,
                                            export: export, split: "test")
        var request = PredictionRequest(model: directory, data: test.trainPath)
        (request.idColumn, request.inputColumn) = (test.idColumn, test.inputColumn)
        guard case .regression(let rows) = try ModelPrediction.predict(request) else { return }
        let table = try CSVTable(path: test.trainPath)
        let targets = table.rows.map { Double(table.value($0, test.target) ?? "") }
        let pairs = zip(rows, targets).compactMap { row, target in target.map { (row.prediction, $0) } }
        guard !pairs.isEmpty else { throw WorkflowError("\(test.trainPath): no labelled rows in column \(test.target) to evaluate on") }
        let trainMean = try trainingMean(data: data, target: test.target, export: export, input: input) ?? pairs.map(\.1).reduce(0, +) / Double(pairs.count)
        let metrics = RegressionMetrics(predictions: pairs.map(\.0.mean), targets: pairs.map(\.1), uncertainties: pairs.map(\.0.totalStandardDeviation))
        let baselineMAE = pairs.map { abs($0.1 - trainMean) }.reduce(0, +) / Double(pairs.count)
        page.section("Test split: \(test.description)", "\(pairs.count) labelled rows of \(test.trainPath).")
        page.table(id: "metrics", header: ["predictor", "MAE", "RMSE", "R²"], rows: [
            ["ensemble", format(metrics.mae), format(metrics.rmse), metrics.r2.map(format) ?? "—"],
            ["mean of training targets (\(format(trainMean)))", format(baselineMAE), "", ""],
        ])
        let points = pairs.map { Point($0.1, $0.0.mean) }
        let (observed, predicted) = (AxisTitle("observed \(test.target)"), AxisTitle("predicted \(test.target)"))
        let parity = points.count > densityThreshold
            ? HexbinChart(id: "parity", title: "Parity (\(points.count) points)", points: points, xTitle: observed, yTitle: predicted, diagonal: true).svg()
            : ScatterChart(id: "parity", title: "Parity (\(points.count) points)", points: points, xTitle: observed, yTitle: predicted, diagonal: true).svg()
        let residuals = Histogram(id: "residuals", title: "Residuals", values: pairs.map { $0.0.mean - $0.1 },
                                  valueTitle: AxisTitle("predicted − observed"), frame: PlotFrame(width: 480, height: 420)).svg()
        page.chartRow([(parity, "parity"), (residuals, "residuals")])
        let curve = [
            LineChart.Series(name: "by uncertainty", points: metrics.confidenceCurve.map { Point(Double($0.droppedPercent), $0.mae) }),
            LineChart.Series(name: "oracle", points: metrics.confidenceCurve.map { Point(Double($0.droppedPercent), $0.oracleMAE) }, dashed: true),
        ]
        page.chart(LineChart(id: "confidence-error", title: "Confidence–error curve", series: curve,
                             xTitle: AxisTitle("most uncertain dropped", unit: "%"), yTitle: AxisTitle("MAE of the rest")).svg(), id: "confidence-error")
    }

    /// The mean target of the release's training split, nil when `data` is not a release.
    static func trainingMean(data: String, target: String, export: String, input: String) throws -> Double? {
        guard FileManager.default.fileExists(atPath: (data as NSString).appendingPathComponent("manifest.json")) else { return nil }
        let train = try TrainingData.resolve(data: data, target: target, idColumn: "id", inputColumn: input, export: export, split: "train")
        let table = try CSVTable(path: train.trainPath)
        let values = table.rows.compactMap { Double(table.value($0, target) ?? "") }
        return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The reaction model against its null baseline (from `ModelPrediction.evaluate`).
    static func reactionEvaluation(directory: String, data: String, into page: inout HTMLReport) throws {
        let evaluation = try ModelPrediction.evaluate(PredictionRequest(model: directory, data: data))
        let object = (try? JSONSerialization.jsonObject(with: Data(JSONOutput.line(evaluation).utf8))) as? [String: Any] ?? [:]
        page.section("Test split: \(data)", "The reaction model against the null baseline.")
        page.table(id: "metrics", header: ["metric", "value"], rows: flatten(object.filter { $0.key != "confidence_curve" }))
    }

    static func jsonObject(_ path: String) throws -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: path) else { throw WorkflowError("\(path): cannot read") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw WorkflowError("\(path): not a JSON object") }
        return object
    }

    /// "a.b" → value rows of a JSON object, sorted by key; arrays of scalars joined.
    static func flatten(_ object: [String: Any], prefix: String = "") -> [[String]] {
        object.keys.sorted().flatMap { key -> [[String]] in
            let name = prefix.isEmpty ? key : "\(prefix).\(key)"
            switch object[key] {
            case let nested as [String: Any]: return flatten(nested, prefix: name)
            case let array as [Any]: return [[name, array.map { "\($0)" }.joined(separator: ", ")]]
            case let value?: return [[name, "\(value)"]]
            case nil: return []
            }
        }
    }

    static func format(_ value: Double) -> String { String(format: "%.4g", value) }
}
