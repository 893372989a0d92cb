import ArgumentParser
import CurateApp

/// `curate flags undo ID --note TEXT`.
struct FlagsUndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take back the decision on a flag: it is open again (an accepted flag's record returns to later releases); the decision stays in its history.")

    @Argument(help: "Flag id.")
    var id: Int

    @Option(name: .long, help: "Why (kept with the undo).")
    var note: String

    @Option(name: .long, help: "Who takes it back (kept in the flag's history; default: $USER).")
    var reviewer: String?

    @OptionGroup var options: StoreOptions

    func run() throws {
        let undone = try FlagDecisions.undo(id: id, note: note, reviewer: reviewer, storePath: options.storePath)
        if options.json { return try printJSON(undone) }
        print("flag \(undone.flag.id) open again: undid \(undone.undo.undoneStatus?.rawValue ?? "?") (\(undone.undo.undoneNote ?? "")); "
              + "recorded as history entry \(undone.undo.id) by \(undone.undo.reviewer ?? "unknown") at \(undone.undo.decidedAt)")
    }
}

/// `curate flags history ID`.
struct FlagsHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "Every decision and undo on a flag, oldest first: when, what, who, note.")

    @Argument(help: "Flag id.")
    var id: Int

    @OptionGroup var options: StoreOptions

    func run() throws {
        let history = try FlagDecisions.history(id: id, storePath: options.storePath)
        if options.json {
            for event in history { try printJSON(event) }
            return
        }
        for event in history {
            let what = event.action == .undone ? "undone (was \(event.undoneStatus?.rawValue ?? "?"))" : event.action.rawValue
            print("#\(event.id)\t\(event.decidedAt)\t\(what)\t\(event.reviewer ?? "-")\t\(event.note)")
        }
        if history.isEmpty { print("flag \(id) was never decided") }
    }
}
