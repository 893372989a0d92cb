import Charts
import Foundation

/// The HTML page of `curate cuprates --html`: the per-family table, then for each family with
/// joined records Tc against the estimated apical and in-plane Cu–O distances (selected records
/// only, the thesis's figure 3.4 per family).
enum CupratePage {
    static func html(_ result: CuprateStudyResult) -> String {
        var page = HTMLReport(title: "Cuprates: structure and Tc",
                              subtitle: "\(result.join.cuprateRecords) SuperCon Cu–O records, \(result.records.count) joined to a structure")
        page.section("Calibration per family", "d_apical = α c + β a* + γ, Huber fit on one structure per parent; LOO: leave-one-out error (Å).")
        page.table(id: "families", header: ["family", "structures", "α", "β", "γ", "LOO RMSE", "records", "Tc>0", "selected", "calibration"],
                   rows: result.families.map { row in
                       [row.family, String(row.structures), format(row.alpha), format(row.beta), format(row.gamma),
                        format(row.leaveOneOutRMSE), String(row.records), String(row.superconducting), String(row.selected), row.calibration]
                   })
        for family in result.families where family.selected > 0 {
            let selected = result.records.filter { $0.family == family.family && $0.selected }
            let tc = selected.compactMap(\.tc)
            guard tc.count == selected.count else { continue }
            var charts: [(svg: String, id: String)] = []
            let apical = selected.compactMap { record in record.apicalEstimated.map { Point($0, record.tc ?? 0) } }
            if !apical.isEmpty {
                let id = "apical-\(slug(family.family))"
                charts.append((ScatterChart(id: id, title: "\(family.family): Tc vs apical Cu–O", points: apical,
                                            xTitle: AxisTitle("estimated d_apical", unit: "Å"), yTitle: AxisTitle("Tc", unit: "K")).svg(), id))
            }
            let inPlane = selected.map { Point($0.inPlaneEstimated, $0.tc ?? 0) }
            let id = "inplane-\(slug(family.family))"
            charts.append((ScatterChart(id: id, title: "\(family.family): Tc vs in-plane Cu–O", points: inPlane,
                                        xTitle: AxisTitle("a*/2", unit: "Å"), yTitle: AxisTitle("Tc", unit: "K")).svg(), id))
            page.section(family.family, "\(selected.count) records selected (top 20 % by Tc in each of \(family.clusters) k-means clusters on a*, c).")
            page.chartRow(charts)
        }
        return page.html
    }

    static func format(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "" }

    static func slug(_ family: String) -> String {
        String(family.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}
