import Charts
import Datasets
import Foundation

/// The HTML report of one release directory: funnel, exclusions, splits, target distributions,
/// leakage, element coverage, flagged clusters and provenance. Works for composition releases
/// (records with targets) and reaction releases (records without a target column).
enum ReleaseReport {
    /// The order splits are shown in; other names follow alphabetically.
    static let splitOrder = ["train", "validation", "test"]

    static func build(directory: String) throws -> HTMLReport {
        let manifest: ReleaseManifest
        do { manifest = try ReleaseReading.manifest(in: directory) } catch { throw WorkflowError("\(directory): \(error)") }
        let records = try CSVTable(path: (directory as NSString).appendingPathComponent("records.csv"))
        let excludedPath = (directory as NSString).appendingPathComponent("excluded.csv")
        let excluded = FileManager.default.fileExists(atPath: excludedPath) ? try CSVTable(path: excludedPath) : nil
        var page = HTMLReport(title: "\(manifest.name) \(manifest.version)",
                              subtitle: "\(manifest.records) records · \(manifest.representation) · \(manifest.description)")
        funnel(manifest, into: &page)
        splits(manifest, records: records, into: &page)
        elements(records, into: &page)
        exclusions(manifest, excluded: excluded, into: &page)
        leakage(manifest, into: &page)
        flagged(records, manifest: manifest, into: &page)
        provenance(manifest, into: &page)
        return page
    }

    /// The splits of `counts` in display order.
    static func orderedSplits(_ names: some Sequence<String>) -> [String] {
        let all = Set(names)
        return splitOrder.filter(all.contains) + all.subtracting(splitOrder).sorted()
    }

    /// Ingest bars (rows read, after duplicates, after quarantine) then one bar per manifest funnel step.
    static func funnelBars(_ manifest: ReleaseManifest) -> [BarChart.Bar] {
        let read = manifest.sources.reduce(0) { $0 + $1.read }
        let duplicates = manifest.sources.reduce(0) { $0 + $1.duplicates }
        let quarantined = manifest.sources.reduce(0) { $0 + $1.quarantined }
        let ingest = [
            BarChart.Bar("raw rows read", Double(read), color: "#7f8c9a"),
            BarChart.Bar("− ingest duplicates (\(duplicates))", Double(read - duplicates), color: "#7f8c9a"),
            BarChart.Bar("− quarantined (\(quarantined))", Double(read - duplicates - quarantined), color: "#7f8c9a"),
        ]
        return ingest + manifest.funnel.map { step in
            BarChart.Bar(step.removed > 0 ? "\(step.step) (−\(step.removed))" : step.step, Double(step.remaining))
        }
    }

    static func funnel(_ manifest: ReleaseManifest, into page: inout HTMLReport) {
        page.section("Funnel: raw rows to released records",
                     "Grey bars come from ingest (rows read, minus exact duplicates, minus quarantined rows); blue bars are the curation steps of the manifest, each showing the records remaining after it.")
        let chart = BarChart(id: "funnel", title: "Records remaining after each step", bars: funnelBars(manifest),
                             valueTitle: AxisTitle("records"), labelWidth: 330, width: 900)
        page.chart(chart.svg(), id: "funnel")
    }

    static func exclusions(_ manifest: ReleaseManifest, excluded: CSVTable?, into page: inout HTMLReport) {
        page.section("Exclusions by rule", "Counts from the manifest; examples are the first rows of excluded.csv for each rule.")
        let rules = manifest.excludedByRule.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        let chart = BarChart(id: "exclusions", title: "Excluded records by rule", bars: rules.map { BarChart.Bar($0.key, Double($0.value), color: "#c0504d") },
                             valueTitle: AxisTitle("records"), labelWidth: 330, width: 900)
        page.chart(chart.svg(), id: "exclusions")
        guard let excluded else { return }
        var examples: [String: [[String]]] = [:]
        for row in excluded.rows {
            let rule = excluded.value(row, "rule") ?? ""
            guard examples[rule, default: []].count < 3 else { continue }
            let written = excluded.value(row, "formula_as_written") ?? ""
            examples[rule, default: []].append([rule, "\(excluded.value(row, "source") ?? "") \(excluded.value(row, "locator") ?? "")",
                                                written, excluded.value(row, "reason") ?? ""])
        }
        page.table(id: "exclusion-examples", header: ["rule", "where", "as written", "reason"],
                   rows: rules.flatMap { examples[$0.key] ?? [] })
    }

    static func splits(_ manifest: ReleaseManifest, records: CSVTable, into page: inout HTMLReport) {
        page.section("Splits", "Strategy \(manifest.split.strategy), seed \(manifest.split.seed).")
        let names = orderedSplits(manifest.split.counts.keys)
        let bars = names.enumerated().map { BarChart.Bar($1, Double(manifest.split.counts[$1] ?? 0), color: Legend.color($0)) }
        page.chart(BarChart(id: "splits", title: "Records per split", bars: bars, valueTitle: AxisTitle("records"), labelWidth: 120, width: 600).svg(),
                   id: "splits")
        guard records.columns["target"] != nil else { return }
        let censoredNames = Set((manifest.target.censored ?? [:]).keys)
        var values: [String: [Double]] = [:]
        var censored: [String: Int] = [:]
        for row in records.rows {
            let split = records.value(row, "split") ?? ""
            if censoredNames.contains(records.value(row, "qualifier") ?? "") {
                censored[split, default: 0] += 1
            } else if let value = Double(records.value(row, "target") ?? "") {
                values[split, default: []].append(value)
            }
        }
        page.section("Target distribution per split",
                     censoredNames.isEmpty ? nil : "Censored labels (\(censoredNames.sorted().joined(separator: ", "))) are not in the histograms; their counts are written on each chart.")
        let charts = names.enumerated().map { index, split in
            let id = "target-\(split)"
            let note = censoredNames.isEmpty ? nil : "+ \(censored[split] ?? 0) censored"
            return (svg: Histogram(id: id, title: "\(manifest.target.property) · \(split)", values: values[split] ?? [],
                                   valueTitle: AxisTitle(manifest.target.property, unit: manifest.target.unit), binCount: 30,
                                   color: Legend.color(index), frame: PlotFrame(width: 390, height: 280), note: note).svg(), id: id)
        }
        page.chartRow(charts)
    }

    static func leakage(_ manifest: ReleaseManifest, into page: inout HTMLReport) {
        guard !manifest.leakage.isEmpty else { return }
        page.section("Leakage between splits",
                     "Each cell: compositions / chemical systems (/ protostructures) the two splits share. Darker cells share more.")
        let names = orderedSplits(manifest.leakage.flatMap { [$0.a.name, $0.b.name] })
        var cells: [String: (String, Int)] = [:]
        for pair in manifest.leakage {
            var text = "\(pair.sharedCompositions) / \(pair.sharedChemicalSystems)"
            if let protostructures = pair.sharedProtostructures { text += " / \(protostructures)" }
            cells[pair.a.name + "|" + pair.b.name] = (text, pair.sharedChemicalSystems)
            cells[pair.b.name + "|" + pair.a.name] = (text, pair.sharedChemicalSystems)
        }
        let high = Double(cells.values.map(\.1).max() ?? 1)
        let colors = SequentialColorScale(low: 0, high: max(high, 1))
        let rows = names.map { a in [a] + names.map { b in a == b ? "—" : cells[a + "|" + b]?.0 ?? "" } }
        page.table(id: "leakage", header: ["split"] + names, rows: rows) { row, column in
            guard column > 0, let cell = cells[names[row] + "|" + names[column - 1]] else { return nil }
            let fraction = colors.fraction(Double(cell.1))
            return "background:\(colors.color(Double(cell.1)));color:\(fraction > 0.55 ? "#fff" : "#222")"
        }
    }

    static func elements(_ records: CSVTable, into page: inout HTMLReport) {
        var counts: [String: Int] = [:]
        for row in records.rows {
            for symbol in (records.value(row, "chemical_system") ?? "").split(separator: "-") { counts[String(symbol), default: 0] += 1 }
        }
        page.section("Elements", "Number of released records (target compositions for reactions) containing each element.")
        page.chart(PeriodicTableHeatmap(id: "elements", title: "Records per element", counts: counts).svg(), id: "elements")
    }

    static func flagged(_ records: CSVTable, manifest: ReleaseManifest, into page: inout HTMLReport) {
        guard records.columns["flagged"] != nil else { return }
        let flagged = records.rows.filter { records.value($0, "flagged") == "true" }
        page.section("Clusters flagged for spread",
                     "\(flagged.count) released records aggregate measurements whose spread exceeds the curation spec's threshold (largest spread first, at most 20).")
        let rows = flagged.sorted { (Double(records.value($0, "spread") ?? "") ?? 0) > (Double(records.value($1, "spread") ?? "") ?? 0) }
            .prefix(20).map { row in ["composition", "target", "measurements", "spread", "split", "sources"].map { records.value(row, $0) ?? "" } }
        page.table(id: "flagged", header: ["composition", "target (\(manifest.target.unit))", "measurements", "spread", "split", "sources"], rows: Array(rows))
    }

    static func provenance(_ manifest: ReleaseManifest, into page: inout HTMLReport) {
        page.section("Provenance")
        page.table(id: "sources", header: ["source", "kind", "file SHA-256", "bytes", "parser", "read", "stored", "duplicates", "quarantined"],
                   rows: manifest.sources.map { [$0.name, $0.kind, $0.fileSHA256, String($0.fileBytes), $0.parserVersion, String($0.read),
                                                 String($0.stored), String($0.duplicates), String($0.quarantined)] })
        var facts = [
            ["tool", "\(manifest.tool.name) \(manifest.tool.version) (\(manifest.tool.releaseRules))"],
            ["format", manifest.format], ["seed", String(manifest.split.seed)], ["split strategy", manifest.split.strategy],
            ["dataset spec SHA-256", manifest.datasetSpecSHA256], ["curation spec SHA-256", manifest.curationSpecSHA256],
            ["store content SHA-256", manifest.store.contentSHA256], ["store inputs SHA-256", manifest.store.inputsSHA256],
            ["symmetry", "\(manifest.symmetry.library) \(manifest.symmetry.version), used: \(manifest.symmetry.used)"],
        ]
        facts += manifest.ruleVersions.sorted { $0.key < $1.key }.map { ["rule \($0.key)", $0.value] }
        page.table(id: "provenance", header: ["what", "value"], rows: facts)
    }
}
