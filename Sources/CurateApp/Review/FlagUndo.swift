import Foundation
import Review
import Store

extension FlagDecisions {
    /// A decision taken back: the flag, open again, and the history entry that records the undo.
    public struct Undone: Sendable, Equatable, Encodable {
        public var flag: FlagExport.JSONRow
        /// The undo as recorded: who, when, why, and the status and note it took back.
        public var undo: FlagDecisionEvent
    }

    /// Takes back the decision on flag `id` (`curate flags undo`): the flag is open again, an
    /// accepted flag's exclusion is lifted, and the undo is recorded with `reviewer` (default:
    /// the login name in `USER`), the time and `note` beside the decision it took back.
    public static func undo(id: Int, note: String, reviewer: String? = nil, storePath: String) throws -> Undone {
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw WorkflowError("--note must not be empty") }
        let store = try StoreOpening.open(storePath)
        let flag = try step { try store.undoFlagDecision(id: id, note: note, reviewer: reviewer ?? defaultReviewer) }
        guard let event = try step(storePath, { try store.flagHistory(id: id) }).last else {
            throw WorkflowError("flag \(id): the undo was stored but its history entry cannot be read")
        }
        return Undone(flag: jsonRow(flag), undo: event)
    }

    /// Every decision and undo on flag `id`, oldest first.
    public static func history(id: Int, storePath: String) throws -> [FlagDecisionEvent] {
        let store = try StoreOpening.open(storePath)
        guard try step(storePath, { try store.flag(id: id) }) != nil else { throw WorkflowError("no flag with id \(id)") }
        return try step(storePath) { try store.flagHistory(id: id) }
    }

    /// Who a command-line decision is recorded for when `--reviewer` is not given.
    static var defaultReviewer: String? {
        ProcessInfo.processInfo.environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
