import Charts
import Store

/// The HTML report of a store: sources and their ingest runs, observations per property,
/// quarantine reasons, and review flags by status and kind.
enum StoreReport {
    static func build(storePath: String) throws -> HTMLReport {
        let stats = try StoreInventory.stats(storePath: storePath)
        let flags = try FlagDecisions.list(storePath: storePath, status: "all")
        var page = HTMLReport(title: "Store \(storePath)",
                              subtitle: "\(stats.sources.count) sources · \(stats.materialCount) materials · \(flags.count) flags")
        page.section("Sources and ingest runs", "Rows read per source = observations stored + duplicates + quarantined.")
        page.chart(BarChart(id: "sources", title: "Observations stored per source",
                            bars: stats.sources.map { BarChart.Bar("\($0.kind) · \($0.name)", Double($0.observations)) },
                            valueTitle: AxisTitle("observations"), labelWidth: 260, width: 860).svg(), id: "sources")
        page.table(id: "source-table", header: ["kind", "name", "layout", "ingest runs", "rows read", "observations", "duplicates", "quarantined"],
                   rows: stats.sources.map { [$0.kind, $0.name, $0.layout, String($0.runs), String($0.rawRecords), String($0.observations),
                                              String($0.duplicates), String($0.quarantined)] })
        page.section("Observations per property")
        page.table(id: "properties", header: ["property", "qualifier", "observations"],
                   rows: stats.observationsByProperty.map { [$0.property, $0.qualifier, String($0.count)] })
        page.section("Quarantine reasons")
        page.chart(BarChart(id: "quarantine", title: "Quarantined rows by reason",
                            bars: stats.quarantineByReason.map { BarChart.Bar($0.reasonCode, Double($0.count), color: "#c0504d") },
                            valueTitle: AxisTitle("rows"), labelWidth: 300, width: 860).svg(), id: "quarantine")
        page.section("Review flags", "Flags raised by models and balance checks, by status and kind.")
        let bars = FlagStatus.allCases.flatMap { status in
            FlagKind.allCases.map { kind in
                BarChart.Bar("\(status.rawValue) · \(kind.rawValue)", Double(flags.filter { $0.status == status && $0.kind == kind }.count),
                             color: status == .open ? "#E69F00" : status == .accepted ? "#c0504d" : "#009E73")
            }
        }
        page.chart(BarChart(id: "flags", title: "Flags by status and kind", bars: bars, valueTitle: AxisTitle("flags"), labelWidth: 200,
                            width: 700).svg(), id: "flags")
        return page
    }
}
