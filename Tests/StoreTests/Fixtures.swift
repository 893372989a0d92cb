import Foundation
import GRDB
@testable import Store

/// Small builders for records and stores used across the Store tests.
enum Fixtures {
    static let supercon = SourceDescriptor(kind: "supercon", name: "stanev-2018", layout: "stanev")
    static let mdr = SourceDescriptor(kind: "supercon", name: "mdr-2022", layout: "mdr")

    static func file(_ sha: String, path: String = "data/supercon.csv", size: Int = 1234) -> IngestFileInfo {
        IngestFileInfo(path: path, sha256: sha, size: size)
    }

    static func material(_ formula: String) -> PreparedMaterial {
        PreparedMaterial(
            canonicalKey: "key:\(formula)", reducedFormula: formula, hillFormula: "hill:\(formula)",
            chemicalSystem: "sys:\(formula)", anonymousFormula: "ABC", elementCount: 3,
            fractionsJSON: #"{"A":0.5,"B":0.5}"#, keyTolerance: 1e-4)
    }

    static func observation(
        _ formula: String, tc: Double? = 92, qualifier: String = "exact", dedup: String? = nil,
        line: Int, compositionJSON: String = #"{"A":1}"#
    ) -> PreparedRecord {
        let raw = "\(line),\(formula),\(tc.map { String($0) } ?? "")"
        return PreparedRecord(
            locator: "line \(line)", line: line, rawContent: raw,
            outcome: .observation(PreparedObservation(
                material: material(formula), formulaAsWritten: formula, compositionJSON: compositionJSON,
                property: "tc", value: tc, unit: tc == nil ? nil : "K", qualifier: qualifier,
                valueAsReported: tc.map { String($0) } ?? "0", conditionsJSON: #"{"pressure_gpa":0}"#,
                metadataJSON: nil, dedupKey: dedup ?? "\(formula)|\(tc.map { String($0) } ?? "-")")))
    }

    static func quarantined(_ code: String, line: Int, field: String? = "formula", position: Int? = 3) -> PreparedRecord {
        PreparedRecord(
            locator: "line \(line)", line: line, rawContent: "\(line),Xx2O,??",
            outcome: .quarantine(QuarantineReason(
                code: code, message: "rejected by \(code)", field: field, position: position,
                ruleVersion: "rules-1")))
    }

    /// A fixed mix: 3 stored (2 share a material), 1 in-run duplicate, 2 quarantined.
    static let mixedBatch: [PreparedRecord] = [
        observation("YBa2Cu3O7", tc: 92, line: 2),
        observation("MgB2", tc: 39, line: 3),
        observation("YBa2Cu3O7", tc: 92, line: 4),  // duplicate of line 2
        quarantined("formula.unknown_element", line: 5),
        observation("YBa2Cu3O7", tc: 93, line: 6),  // same material, different value
        quarantined("value.unparseable", line: 7, field: "tc", position: 1),
    ]

    @discardableResult
    static func ingest(
        _ store: CurateStore, _ records: [PreparedRecord], source: SourceDescriptor = supercon,
        sha: String, parserVersion: String = "p1"
    ) throws -> IngestOutcome {
        try store.ingest(source: source, file: file(sha), toolVersion: "0.1.0", parserVersion: parserVersion,
                         options: ["delimiter": ","]) { sink in
            for record in records { try sink.append(record) }
        }
    }

    static func summary(_ outcome: IngestOutcome) -> IngestSummary? {
        if case .completed(let summary) = outcome { return summary }
        return nil
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("curate-store-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Row counts of every table, for before/after comparisons.
    static func rowCounts(_ store: CurateStore) throws -> [String: Int] {
        try store.queue.read { db in
            var counts: [String: Int] = [:]
            for table in ["sources", "ingest_runs", "raw_records", "materials", "observations", "quarantine"] {
                counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1
            }
            return counts
        }
    }
}

struct BodyFailure: Error, Equatable {
    let at: Int
}
