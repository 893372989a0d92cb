import Foundation

/// `curate report`: one self-contained HTML file (inline SVG and CSS, no network) for a release
/// directory, a model directory or a store.
public enum ReportWorkflow {
    /// Builds the report `request` names and writes it; returns where and which charts.
    public static func report(_ request: ReportRequest) throws -> ReportSummary {
        let started = Date()
        let (kind, page, defaultOut) = try build(request)
        let out = request.out ?? defaultOut
        let html = page.html
        do {
            let folder = (out as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try Data(html.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw WorkflowError("cannot write the report to \(out): \(error.localizedDescription)")
        }
        return ReportSummary(kind: kind, out: out, charts: page.chartIDs, bytes: html.utf8.count,
                             seconds: Date().timeIntervalSince(started))
    }

    /// The report's kind, page and default output path.
    static func build(_ request: ReportRequest) throws -> (String, HTMLReport, String) {
        guard let target = request.target else {
            guard let store = request.store else { throw WorkflowError("give a release or model directory, or --store S for a store report") }
            if let chemsys = request.chemsys {
                return ("hull", try HullReport.build(storePath: store, chemsys: chemsys), "store-\(chemsys)-hull-report.html")
            }
            return ("store", try StoreReport.build(storePath: store), "store-report.html")
        }
        if target.hasSuffix(".json") || target.hasSuffix(".json.gz") {
            let base = (target as NSString).lastPathComponent.replacingOccurrences(of: ".json.gz", with: "").replacingOccurrences(of: ".json", with: "")
            return ("hull", try HullReport.build(entriesPath: target, chemsys: request.chemsys),
                    "\(base)\(request.chemsys.map { "-" + $0 } ?? "")-hull-report.html")
        }
        let inside = { (name: String) in (target as NSString).appendingPathComponent(name) }
        if FileManager.default.fileExists(atPath: inside("manifest.json")) {
            return ("release", try ReleaseReport.build(directory: target), inside("report.html"))
        }
        if FileManager.default.fileExists(atPath: inside("ensemble.json")) {
            return ("model", try ModelReport.build(directory: target, data: request.data, target: request.targetColumn), inside("report.html"))
        }
        throw WorkflowError("\(target): neither a release directory (manifest.json) nor a model directory (ensemble.json)")
    }
}
