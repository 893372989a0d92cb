import Foundation
import Review
import Store

/// Reading and deciding review flags: `curate flags list|show|accept|reject|undo|history|export`.
public enum FlagDecisions {
    /// Flags of `status` (`open`, `accepted`, `rejected` or `all`) and `kind` (`reaction`,
    /// `property`, or nil for both), highest score first.
    public static func list(storePath: String, status: String = "open", kind: String? = nil) throws -> [FlagRecord] {
        let (status, kind) = (try parseStatus(status), try parseKind(kind))
        let store = try StoreOpening.open(storePath)
        return try step(storePath) { try store.flags(status: status, kind: kind) }
    }

    /// One flag with its report text.
    public struct Shown: Sendable, Equatable {
        public var flag: FlagRecord
        /// The report: record, DOI or source, observed vs predicted, uncertainty, neighbours.
        public var text: String
    }

    /// Flag `id`, or an error when the store has none.
    public static func show(id: Int, storePath: String) throws -> Shown {
        let store = try StoreOpening.open(storePath)
        guard let flag = try step(storePath, { try store.flag(id: id) }) else { throw WorkflowError("no flag with id \(id)") }
        return Shown(flag: flag, text: FlagReport.text(flag))
    }

    /// A decision on a flag.
    public enum Decision: String, Sendable, CaseIterable {
        /// The record is excluded (reason flag_accepted) from later releases built from the store.
        case accept
        /// The record stays, and the same kind of flag is not raised on it again.
        case reject
    }

    /// Records `decision` on flag `id` with `note` (which must not be empty) and `reviewer`
    /// (default: the login name in `USER`) in the flag's history; returns the flag.
    public static func decide(id: Int, decision: Decision, note: String, reviewer: String? = nil, storePath: String) throws -> FlagRecord {
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw WorkflowError("--note must not be empty") }
        let store = try StoreOpening.open(storePath)
        return try step {
            try store.decideFlag(id: id, status: decision == .accept ? .accepted : .rejected, note: note, reviewer: reviewer ?? defaultReviewer)
        }
    }

    /// Export formats.
    public enum ExportFormat: String, Sendable, CaseIterable { case csv, jsonl }

    /// Every flag with its decision, ordered by id, as CSV or JSON lines; written to `out` when given.
    public struct Export: Sendable, Equatable {
        public var text: String
        public var count: Int
    }

    /// Exports every flag; writes the text to `out` when given.
    public static func export(storePath: String, format: ExportFormat, out: String? = nil) throws -> Export {
        let store = try StoreOpening.open(storePath)
        let flags = try step(storePath) { try store.flags() }
        let text = try step { format == .csv ? FlagExport.csv(flags) : try FlagExport.jsonLines(flags) }
        if let out {
            do { try text.write(toFile: out, atomically: true, encoding: .utf8) } catch {
                throw WorkflowError("cannot write \(out): \(error.localizedDescription)")
            }
        }
        return Export(text: text, count: flags.count)
    }

    /// The JSON form of one flag (stored JSON fields nested as JSON).
    public static func jsonRow(_ flag: FlagRecord) -> FlagExport.JSONRow {
        FlagExport.jsonRows([flag])[0]
    }

    static func parseStatus(_ text: String) throws -> FlagStatus? {
        if text == "all" { return nil }
        guard let status = FlagStatus(rawValue: text) else { throw WorkflowError("--status must be open, accepted, rejected or all") }
        return status
    }

    static func parseKind(_ text: String?) throws -> FlagKind? {
        guard let text else { return nil }
        guard let kind = FlagKind(rawValue: text) else { throw WorkflowError("--kind must be reaction or property") }
        return kind
    }
}
