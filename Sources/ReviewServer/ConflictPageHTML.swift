import Store

/// The 409 page: another reviewer decided the flag first; their decision stands and is shown.
enum ConflictPageHTML {
    static func render(_ data: FlagPageData, attempted: DecisionRequest) -> String {
        let flag = data.flag
        return HTML.page(title: "Conflict on flag \(flag.id)", body: """
            <h1>409 Conflict</h1>
            <p class="conflict" id="conflict" data-flag-id="\(flag.id)" data-status="\(flag.status.rawValue)">Flag #\(flag.id) \
            (\(HTML.escape(flag.subjectLabel))) was already decided: <b>\(flag.status.rawValue)</b>\
            \(data.decidedAt.map { " at " + HTML.escape($0) } ?? ""), note “\(HTML.escape(flag.decisionNote ?? ""))”. \
            Your decision (\(attempted.choice.rawValue) by \(HTML.escape(attempted.reviewer))) was not stored.</p>
            <p><a href="/flags/\(flag.id)">See the flag</a> · <a href="/flags">Back to the queue</a></p>
            """)
    }

    static func render(_ data: FlagPageData, undo: UndoRequest, conflict: FlagDecisionConflict) -> String {
        let flag = data.flag
        let now = flag.status == .open ? "open (someone undid the decision already)"
            : "\(flag.status.rawValue)\(data.decidedAt.map { " at " + $0 } ?? ""), note “\(flag.decisionNote ?? "")”, a decision taken after the one you saw"
        return HTML.page(title: "Conflict on flag \(flag.id)", body: """
            <h1>409 Conflict</h1>
            <p class="conflict" id="conflict" data-flag-id="\(flag.id)" data-status="\(flag.status.rawValue)" \
            data-latest-decision="\(conflict.latestDecision.map(String.init) ?? "")">Flag #\(flag.id) \
            (\(HTML.escape(flag.subjectLabel))) is now \(HTML.escape(now)). Your undo of decision \(undo.decision) \
            (by \(HTML.escape(undo.reviewer))) was not stored.</p>
            <p><a href="/flags/\(flag.id)">See the flag</a> · <a href="/flags">Back to the queue</a></p>
            """)
    }
}
