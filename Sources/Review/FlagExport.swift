import Foundation
import Store

/// `curate flags export`: every flag with its decision, as CSV or JSON lines, ordered by id.
/// Decision times are left out so that the same decisions export byte-identically.
public enum FlagExport {
    /// One exported flag.
    public struct Row: Sendable, Equatable, Codable {
        public var id: Int
        public var kind: String
        public var status: String
        public var subject: String
        public var label: String
        public var score: Double
        public var uncertainty: Double
        public var observed: String
        public var predicted: String
        public var provenance: String
        public var evidence: String
        public var modelPath: String
        public var modelSha256: String
        public var inputSha256: String
        public var note: String
    }

    /// One flag for JSON output: the stored JSON fields nested as JSON.
    public struct JSONRow: Sendable, Equatable, Codable {
        public var id: Int
        public var kind: String
        public var status: String
        public var subject: String
        public var label: String
        public var score: Double
        public var uncertainty: Double
        public var observed: StoredJSON
        public var predicted: StoredJSON
        public var provenance: StoredJSON
        public var evidence: StoredJSON
        public var modelPath: String
        public var modelSha256: String
        public var inputSha256: String
        public var note: String

        public init(_ row: Row) {
            id = row.id
            kind = row.kind
            status = row.status
            subject = row.subject
            label = row.label
            score = row.score
            uncertainty = row.uncertainty
            observed = StoredJSON(text: row.observed)
            predicted = StoredJSON(text: row.predicted)
            provenance = StoredJSON(text: row.provenance)
            evidence = StoredJSON(text: row.evidence)
            modelPath = row.modelPath
            modelSha256 = row.modelSha256
            inputSha256 = row.inputSha256
            note = row.note
        }
    }

    /// The JSON form of `flags`, ordered by id.
    public static func jsonRows(_ flags: [FlagRecord]) -> [JSONRow] { rows(flags).map(JSONRow.init) }

    public static func rows(_ flags: [FlagRecord]) -> [Row] {
        flags.sorted { $0.id < $1.id }.map { flag in
            Row(id: flag.id, kind: flag.kind.rawValue, status: flag.status.rawValue, subject: flag.subjectKey, label: flag.subjectLabel,
                score: flag.score, uncertainty: flag.uncertainty, observed: flag.observedJSON, predicted: flag.predictedJSON,
                provenance: flag.provenanceJSON, evidence: flag.evidenceJSON, modelPath: flag.producer.modelPath,
                modelSha256: flag.producer.modelSHA256, inputSha256: flag.producer.inputSHA256, note: flag.decisionNote ?? "")
        }
    }

    /// CSV with a header; fields holding a comma, quote or newline are quoted (RFC 4180).
    public static func csv(_ flags: [FlagRecord]) -> String {
        var text = "id,kind,status,subject,label,score,uncertainty,observed,predicted,provenance,evidence,model_path,model_sha256,input_sha256,note\n"
        for row in rows(flags) {
            let fields = [String(row.id), row.kind, row.status, row.subject, row.label, String(row.score), String(row.uncertainty),
                          row.observed, row.predicted, row.provenance, row.evidence, row.modelPath, row.modelSha256, row.inputSha256, row.note]
            text += fields.map(quote).joined(separator: ",") + "\n"
        }
        return text
    }

    /// One JSON object per flag.
    public static func jsonLines(_ flags: [FlagRecord]) throws(ReviewError) -> String {
        try jsonRows(flags).map { row throws(ReviewError) in try ReviewJSON.encode(row) }.map { $0 + "\n" }.joined()
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
