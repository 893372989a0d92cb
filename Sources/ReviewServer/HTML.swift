/// HTML text helpers: escaping and the page frame every review page shares (inline CSS, no
/// scripts: every page and form works with JavaScript off).
enum HTML {
    /// `text` with the five HTML-special characters escaped, safe in element text and quoted attributes.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A complete page with `title` and `body` (already HTML).
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>\(escape(title)) — curate review</title>
        <style>\(style)</style></head>
        <body><header><a href="/flags">curate review</a> <a href="/preview">release preview</a></header><main>
        \(body)
        </main></body></html>
        """
    }

    /// A page for an error: its status line and a message a person can act on.
    static func errorPage(status: Int, title: String, message: String) -> String {
        page(title: title, body: """
            <h1>\(status) \(escape(title))</h1><p class="error" id="error-message">\(escape(message))</p>
            <p><a href="/flags">Back to the flag queue</a></p>
            """)
    }

    static let style = """
        body{font-family:sans-serif;margin:0;color:#222;background:#fafafa}
        header{background:#234;padding:8px 16px}header a{color:#fff;text-decoration:none;font-weight:bold;margin-right:16px}
        main{padding:8px 24px;max-width:1200px}
        table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}
        th{background:#eee}td.num{text-align:right;font-variant-numeric:tabular-nums}
        pre{background:#fff;border:1px solid #ccc;padding:8px;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
        .status-open{color:#a60}.status-accepted{color:#a00}.status-rejected{color:#070}
        .error{color:#a00;font-weight:bold}.notice{background:#efe;border:1px solid #9c9;padding:6px}
        .conflict{background:#fee;border:1px solid #c99;padding:6px}
        form.decide textarea{width:40em;height:4em}form.decide input[type=text]{width:20em}
        nav.pages a,nav.pages span{margin-right:12px}
        """
}
