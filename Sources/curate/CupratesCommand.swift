import ArgumentParser
import CurateApp
import Foundation

/// `curate cuprates`.
struct CupratesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cuprates",
        abstract: "The cuprate structure–Tc study: per-family apical-distance calibration and top-Tc selection.")

    @OptionGroup var options: StoreOptions

    @Option(name: .long, help: "Write the per-record estimates to this CSV file.")
    var csv: String?

    @Option(name: .long, help: "Write an HTML page (table, Tc vs apical and in-plane distance per family).")
    var html: String?

    @Option(name: .long, help: "k-means clusters per family (default: one per 10 records, 1 to 8).")
    var clusters: Int?

    @Option(name: .long, help: "k-means seed.")
    var seed: UInt64 = 0

    func run() throws {
        let result = try CuprateStudyWorkflow.run(.init(storePath: options.storePath, clusters: clusters, seed: seed, csvPath: csv, htmlPath: html))
        if options.json { return try printJSON(result) }
        let s = result.structures, j = result.join
        print("structures: \(s.read) read (\(s.skippedWithoutCopper) without Cu skipped), \(s.unreadable) unreadable, \(s.withPlanes) with CuO2 planes (\(s.withoutApicalOxygen) without apical O, \(s.partialOxygen) with partial O sites)")
        print("SuperCon Cu–O records: \(j.cuprateRecords); joined by file name \(j.joinedByFileName), by composition \(j.joinedByComposition), by cations (nearest O) \(j.joinedByCations); own lattice parameters \(j.withReportedLattice); only other-family structures \(j.familyMismatch), unjoined \(j.unjoined)")
        print(CuprateTable.header)
        for row in result.families { print(CuprateTable.line(row)) }
        if let csv { print("per-record estimates: \(csv) (\(result.records.count) rows)") }
        if let html { print("page: \(html)") }
    }
}

/// The text table of `curate cuprates`.
enum CuprateTable {
    static let header = "family     n   α (±σ)           β (±σ)           γ (±σ)           LOO RMSE  records  Tc>0  Tc range       k  selected"

    static func line(_ row: CuprateStudyResult.FamilyRow) -> String {
        func fitted(_ value: Double?, _ error: Double?) -> String {
            guard let value else { return "-".padding(toLength: 16, withPad: " ", startingAt: 0) }
            return String(format: "%7.3f ±%-7.3f", value, error ?? .nan)
        }
        let family = row.family.padding(toLength: 9, withPad: " ", startingAt: 0)
        let tc = row.tcMin.map { String(format: "%5.1f–%-6.1f", $0, row.tcMax ?? $0) } ?? "-".padding(toLength: 12, withPad: " ", startingAt: 0)
        let loo = row.leaveOneOutRMSE.map { String(format: "%8.3f", $0) } ?? "       -"
        var text = "\(family) \(String(format: "%3d", row.structures))  \(fitted(row.alpha, row.alphaError))  \(fitted(row.beta, row.betaError))  \(fitted(row.gamma, row.gammaError))  \(loo)  \(String(format: "%7d  %4d", row.records, row.superconducting))  \(tc)  \(String(format: "%2d  %8d", row.clusters, row.selected))"
        if row.calibration != "fitted" { text += "  (\(row.calibration))" }
        return text
    }
}
