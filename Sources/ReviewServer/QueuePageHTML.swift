import Foundation
import Store

/// The flag queue: a filter form (plain GET, no script), one table row per flag, page links.
enum QueuePageHTML {
    static func render(_ page: FlagQueuePage, query: QueueQuery, producers: [FlagProducerSummary] = []) -> String {
        let names = Dictionary(producers.map { ($0.key, producerName($0)) }, uniquingKeysWith: { first, _ in first })
        let pageCount = max(1, (page.total + query.perPage - 1) / query.perPage)
        let first = page.flags.isEmpty ? 0 : query.offset + 1
        var body = """
            <h1>Flag queue</h1>
            <form method="get" action="/flags" id="filter">
            <label>status \(select("status", ["open", "accepted", "rejected", "all"], selected: query.status?.rawValue ?? "all"))</label>
            <label>kind \(select("kind", ["all", "reaction", "property"], selected: query.kind?.rawValue ?? "all"))</label>
            <label>producer \(producerSelect(producers, selected: query.producer))</label>
            <input type="hidden" name="per_page" value="\(query.perPage)">
            <button type="submit">Filter</button></form>
            <p id="queue-summary" data-total="\(page.total)" data-page="\(query.page)" data-pages="\(pageCount)">\
            \(page.total) flag(s); showing \(first)–\(query.offset + page.flags.count), page \(query.page) of \(pageCount), highest score first.</p>
            """
        body += navigation(query: query, pageCount: pageCount)
        if page.flags.isEmpty {
            body += "<p id=\"empty-queue\">No flags on this page.</p>"
        } else {
            body += """
                <table id="flag-queue"><thead><tr><th>id</th><th>status</th><th>kind</th><th>record</th><th>subject</th>\
                <th>score</th><th>uncertainty</th><th>producer</th></tr></thead><tbody>
                """
            for flag in page.flags {
                body += """
                    <tr class="flag-row" data-flag-id="\(flag.id)"><td><a href="/flags/\(flag.id)">#\(flag.id)</a></td>\
                    <td class="status-\(flag.status.rawValue)">\(flag.status.rawValue)</td><td>\(flag.kind.rawValue)</td>\
                    <td>\(HTML.escape(flag.subjectLabel))</td><td>\(HTML.escape(flag.subjectKey))</td>\
                    <td class="num">\(Numbers.format(flag.score))</td><td class="num">\(Numbers.format(flag.uncertainty))</td>\
                    <td class="producer" data-producer="\(HTML.escape(flag.producer.key))">\(HTML.escape(names[flag.producer.key] ?? flag.producer.key))</td></tr>
                    """
            }
            body += "</tbody></table>"
        }
        body += navigation(query: query, pageCount: pageCount)
        return HTML.page(title: "Flag queue", body: body)
    }

    /// How a person tells producers apart: the model path and the start of the key.
    static func producerName(_ producer: FlagProducerSummary) -> String {
        (producer.modelPath.isEmpty ? "" : producer.modelPath + " ") + "(" + producer.key.prefix(18) + "…)"
    }

    static func producerSelect(_ producers: [FlagProducerSummary], selected: String?) -> String {
        "<select name=\"producer\"><option value=\"all\"\(selected == nil ? " selected" : "")>all</option>" + producers.map { producer in
            "<option value=\"\(HTML.escape(producer.key))\"\(producer.key == selected ? " selected" : "")>"
                + "\(HTML.escape(producerName(producer))) — \(producer.flags) flag(s)</option>"
        }.joined() + "</select>"
    }

    static func select(_ name: String, _ options: [String], selected: String) -> String {
        "<select name=\"\(name)\">" + options.map { option in
            "<option value=\"\(option)\"\(option == selected ? " selected" : "")>\(option)</option>"
        }.joined() + "</select>"
    }

    static func navigation(query: QueueQuery, pageCount: Int) -> String {
        var links: [String] = []
        if query.page > 1 {
            links.append("<a rel=\"first\" href=\"\(query.link(page: 1))\">first</a>")
            links.append("<a rel=\"prev\" href=\"\(query.link(page: min(query.page - 1, pageCount)))\">previous</a>")
        }
        links.append("<span>page \(query.page) of \(pageCount)</span>")
        if query.page < pageCount {
            links.append("<a rel=\"next\" href=\"\(query.link(page: query.page + 1))\">next</a>")
            links.append("<a rel=\"last\" href=\"\(query.link(page: pageCount))\">last</a>")
        }
        return "<nav class=\"pages\">" + links.joined() + "</nav>"
    }
}

/// Number formatting for tables: four significant digits.
enum Numbers {
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "−∞") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.4g", value)
    }
}
