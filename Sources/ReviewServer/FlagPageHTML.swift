import Charts
import Foundation
import Review
import Store

/// Everything the flag page shows about one flag, read from the store.
struct FlagPageData: Sendable {
    var flag: FlagRecord
    /// The raw record as ingested (property flags on a stored observation), nil otherwise.
    var raw: FlaggedRawRecord?
    /// When the flag was decided.
    var decidedAt: String?
    /// Every decision and undo on the flag, oldest first.
    var history: [FlagDecisionEvent] = []
}

/// The flag page: the record and its raw bytes, provenance, observed vs predicted ± uncertainty
/// (as a chart and as numbers), the evidence and nearest neighbours, and the decision form.
enum FlagPageHTML {
    static func render(_ data: FlagPageData, token: AccessToken, notice: String? = nil) -> String {
        let flag = data.flag
        var body = "<h1 id=\"flag-title\" data-flag-id=\"\(flag.id)\" data-status=\"\(flag.status.rawValue)\">Flag #\(flag.id): "
            + "\(HTML.escape(flag.subjectLabel)) <span class=\"status-\(flag.status.rawValue)\">[\(flag.status.rawValue)]</span></h1>"
        if let notice { body += "<p class=\"notice\" id=\"notice\">\(HTML.escape(notice))</p>" }
        body += "<h2>Record</h2>" + keyValueTable(id: "record", [
            ("kind", HTML.escape(flag.kind.rawValue)),
            (flag.kind == .reaction ? "reaction id" : "observation id", HTML.escape(flag.subjectKey)),
            ("label", HTML.escape(flag.subjectLabel)),
            ("score", Numbers.format(flag.score)),
            ("uncertainty", Numbers.format(flag.uncertainty)),
        ])
        body += rawSection(data.raw, flag: flag)
        body += "<h2>Provenance</h2>" + provenanceTable(JSONText.object(flag.provenanceJSON))
        body += predictionSection(flag)
        body += evidenceSection(flag)
        body += "<h2>Producer</h2>" + keyValueTable(id: "producer", [
            ("model", HTML.escape(flag.producer.modelPath.isEmpty ? "(not given)" : flag.producer.modelPath)),
            ("model sha256", HTML.escape(flag.producer.modelSHA256)),
            ("input sha256", HTML.escape(flag.producer.inputSHA256)),
        ])
        body += "<details id=\"flags-show\"><summary>As <code>curate flags show \(flag.id)</code> prints it</summary><pre>"
            + HTML.escape(FlagReport.text(flag)) + "</pre></details>"
        body += decisionSection(data, token: token)
        return HTML.page(title: "Flag \(flag.id)", body: body)
    }

    static func keyValueTable(id: String, _ rows: [(String, String)]) -> String {
        "<table id=\"\(id)\">" + rows.map { "<tr><th>\(HTML.escape($0.0))</th><td>\($0.1)</td></tr>" }.joined() + "</table>"
    }

    static func rawSection(_ raw: FlaggedRawRecord?, flag: FlagRecord) -> String {
        guard let raw else {
            return flag.kind == .property
                ? "<h2>Raw record</h2><p id=\"raw-missing\">The store has no observation \(HTML.escape(flag.subjectKey)).</p>"
                : ""
        }
        var html = "<h2>Raw record</h2>" + keyValueTable(id: "raw-provenance", [
            ("source", HTML.escape("\(raw.sourceKind)/\(raw.sourceName)")),
            ("file", HTML.escape(raw.filePath)),
            ("file sha256", HTML.escape(raw.fileSHA256)),
            ("ingest run", "\(raw.runId)"),
            ("locator", HTML.escape(raw.locator)),
            ("line", raw.line.map(String.init) ?? "—"),
            ("bytes", "\(raw.bytes.count)"),
        ])
        if let text = String(validating: raw.bytes, as: UTF8.self) {
            html += "<pre id=\"raw-bytes\">\(HTML.escape(text))</pre>"
        } else {
            html += "<p>Not valid UTF-8; the exact bytes in hexadecimal:</p><pre id=\"raw-bytes\">"
                + raw.bytes.map { String(format: "%02x", $0) }.joined(separator: " ") + "</pre>"
        }
        return html
    }

    static func provenanceTable(_ provenance: [String: Any]) -> String {
        guard !provenance.isEmpty else { return "<p>(none recorded)</p>" }
        let rows = provenance.keys.sorted().map { key -> (String, String) in
            let text = JSONText.display(provenance[key])
            if key == "doi", !text.isEmpty {
                return (key, "<a href=\"https://doi.org/\(HTML.escape(text))\">\(HTML.escape(text))</a>")
            }
            return (key, HTML.escape(text))
        }
        return keyValueTable(id: "provenance", rows)
    }

    static func predictionSection(_ flag: FlagRecord) -> String {
        var html = "<h2>Observed vs predicted</h2>"
        if flag.kind == .property {
            let provenance = JSONText.object(flag.provenanceJSON)
            let unit = JSONText.display(provenance["unit"])
            let observed = JSONText.number(flag.observedJSON)
            let predicted = JSONText.number(flag.predictedJSON)
            html += "<p id=\"prediction\">\(HTML.escape(JSONText.display(provenance["property"]))): observed "
                + "<b>\(observed.map(Numbers.format) ?? HTML.escape(flag.observedJSON))</b>, predicted "
                + "<b>\(predicted.map(Numbers.format) ?? HTML.escape(flag.predictedJSON)) ± \(Numbers.format(flag.uncertainty))</b> "
                + "\(HTML.escape(unit))</p>"
            if let observed, let predicted {
                html += BarChart(id: "observed-predicted", title: "Observed and predicted (± uncertainty)", bars: [
                    .init("observed", observed, color: Legend.color(1)),
                    .init("predicted − u", predicted - flag.uncertainty, color: Legend.color(2)),
                    .init("predicted", predicted, color: Legend.color(0)),
                    .init("predicted + u", predicted + flag.uncertainty, color: Legend.color(2)),
                ], valueTitle: AxisTitle(JSONText.display(provenance["property"]), unit: unit), labelWidth: 140, width: 640).svg()
            }
        } else {
            let observed = JSONText.object(flag.observedJSON)
            let predicted = JSONText.object(flag.predictedJSON)
            let elements = Set(observed.keys).union(predicted.keys).sorted()
            html += "<table id=\"prediction\"><tr><th>element</th><th>observed fraction</th><th>predicted fraction</th></tr>"
            var bars: [BarChart.Bar] = []
            for element in elements {
                let (o, p) = (JSONText.double(observed[element]), JSONText.double(predicted[element]))
                html += "<tr><td>\(HTML.escape(element))</td><td class=\"num\">\(o.map(Numbers.format) ?? "—")</td>"
                    + "<td class=\"num\">\(p.map(Numbers.format) ?? "—")</td></tr>"
                bars.append(.init("\(element) observed", o ?? 0, color: Legend.color(1)))
                if !predicted.isEmpty { bars.append(.init("\(element) predicted", p ?? 0, color: Legend.color(0))) }
            }
            html += "</table>" + (predicted.isEmpty ? "<p>No model prediction: a rule raised this flag.</p>"
                                                    : "<p>Ensemble uncertainty \(Numbers.format(flag.uncertainty)).</p>")
            if !bars.isEmpty {
                let title = predicted.isEmpty ? "Element fractions of the target (observed)"
                                              : "Element fractions of the target: observed and predicted"
                html += BarChart(id: "observed-predicted", title: title, bars: bars,
                                 valueTitle: AxisTitle("atomic fraction"), labelWidth: 140, width: 640).svg()
            }
        }
        return html
    }

    static func evidenceSection(_ flag: FlagRecord) -> String {
        let evidence = JSONText.object(flag.evidenceJSON)
        var html = "<h2>Evidence</h2>"
        let scalars = evidence.keys.sorted().filter { !(evidence[$0] is [Any]) && !(evidence[$0] is [String: Any]) }
        if !scalars.isEmpty {
            html += keyValueTable(id: "evidence", scalars.map { ($0, HTML.escape(JSONText.display(evidence[$0]))) })
        }
        if let findings = evidence["findings"] as? [[String: Any]], !findings.isEmpty {
            html += "<h3>Element-balance findings</h3><ul id=\"findings\">" + findings.map { finding in
                "<li>rule \(HTML.escape(JSONText.display(finding["rule"]))): \(HTML.escape(JSONText.display(finding["elements"])))</li>"
            }.joined() + "</ul>"
        }
        let neighbours = evidence["neighbours"] as? [[String: Any]] ?? []
        if !neighbours.isEmpty {
            let columns = Array(Set(neighbours.flatMap(\.keys)).subtracting(["similarity"])).sorted()
            html += "<h3>Nearest neighbours</h3><table id=\"neighbours\"><tr><th>similarity</th>"
                + columns.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr>"
            for neighbour in neighbours {
                let similarity = JSONText.double(neighbour["similarity"]).map { String(format: "%.1f%%", $0 * 100) } ?? "—"
                html += "<tr class=\"neighbour\"><td class=\"num\">\(similarity)</td>"
                    + columns.map { "<td>\(HTML.escape(JSONText.display(neighbour[$0])))</td>" }.joined() + "</tr>"
            }
            html += "</table>"
        }
        return html
    }

    static func decisionSection(_ data: FlagPageData, token: AccessToken) -> String {
        let flag = data.flag
        guard flag.status == .open else {
            return "<h2>Decision</h2><p id=\"decision\" class=\"status-\(flag.status.rawValue)\">\(flag.status.rawValue)"
                + (data.decidedAt.map { " at \(HTML.escape($0))" } ?? "") + ": \(HTML.escape(flag.decisionNote ?? ""))</p>"
                + undoForm(data, token: token) + historySection(data.history)
        }
        return historySection(data.history) + """
            <h2>Decision</h2>
            <form class="decide" id="decide" method="post" action="/flags/\(flag.id)/decide">
            <input type="hidden" name="token" value="\(HTML.escape(token.value))">
            <p><label>reviewer <input type="text" name="reviewer" required maxlength="\(DecisionRequest.maximumReviewerLength)"></label></p>
            <p><label>note<br><textarea name="note" required maxlength="\(DecisionRequest.maximumNoteLength)"></textarea></label></p>
            <p><label>correction (for "edit": the value the record should have)<br>\
            <input type="text" name="correction" maxlength="\(DecisionRequest.maximumNoteLength)"></label></p>
            <p><button type="submit" name="decision" value="accept" id="accept">Accept (record is wrong: exclude it)</button>
            <button type="submit" name="decision" value="edit" id="edit">Edit (wrong: exclude it, keep the correction)</button>
            <button type="submit" name="decision" value="reject" id="reject">Reject (record is right: keep it)</button></p>
            </form>
            """
    }
}

extension FlagPageHTML {
    /// The undo form of a decided flag: it names the newest decision, so an undo posted after
    /// someone else re-decided the flag is refused (409) instead of taking back their decision.
    static func undoForm(_ data: FlagPageData, token: AccessToken) -> String {
        guard let latest = data.history.last, latest.action != .undone else { return "" }
        return """
            <form class="undo" id="undo" method="post" action="/flags/\(data.flag.id)/undo">
            <input type="hidden" name="token" value="\(HTML.escape(token.value))">
            <input type="hidden" name="decision_id" value="\(latest.id)">
            <p><label>reviewer <input type="text" name="reviewer" required maxlength="\(DecisionRequest.maximumReviewerLength)"></label>
            <label>why <input type="text" name="note" required maxlength="\(DecisionRequest.maximumNoteLength)"></label>
            <button type="submit" id="undo-button">Undo (the flag goes back to open; the decision stays in the history)</button></p>
            </form>
            """
    }

    /// Every decision and undo on the flag, oldest first; nothing when it was never decided.
    static func historySection(_ history: [FlagDecisionEvent]) -> String {
        guard !history.isEmpty else { return "" }
        return "<h2>History</h2><table id=\"history\"><tr><th>#</th><th>when</th><th>what</th><th>who</th><th>note</th></tr>"
            + history.map { event in
                let what = event.action == .undone ? "undone (was \(event.undoneStatus?.rawValue ?? "?"))" : event.action.rawValue
                return "<tr class=\"history-row\" data-action=\"\(event.action.rawValue)\"><td>\(event.id)</td><td>\(HTML.escape(event.decidedAt))</td>"
                    + "<td>\(HTML.escape(what))</td><td>\(HTML.escape(event.reviewer ?? "—"))</td><td>\(HTML.escape(event.note))</td></tr>"
            }.joined() + "</table>"
    }
}

/// Reading the JSON text fields of a flag for display.
enum JSONText {
    static func object(_ json: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])) as? [String: Any] ?? [:]
    }

    static func number(_ json: String) -> Double? {
        double(try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]))
    }

    static func double(_ value: Any?) -> Double? {
        guard let number = value as? NSNumber, !(value is Bool) else { return nil }
        return number.doubleValue
    }

    /// A JSON value as a person reads it: strings bare, lists joined, numbers to four digits.
    static func display(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return ""
        case let text as String: return text
        case let list as [Any]: return list.map(display).joined(separator: ", ")
        case let object as [String: Any]: return object.keys.sorted().map { "\($0): \(display(object[$0]))" }.joined(separator: "; ")
        case let number as NSNumber: return Numbers.format(number.doubleValue)
        default: return "\(value ?? "")"
        }
    }
}
