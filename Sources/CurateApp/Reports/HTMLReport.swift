import Charts

/// One self-contained HTML page: inline CSS, inline SVG charts, tables, and a few lines of
/// JavaScript that only sort tables (every chart renders with JavaScript off). The page is also
/// well-formed XML, so both HTML and XML parsers read it.
struct HTMLReport {
    /// The page title.
    var title: String
    /// A line under the title.
    var subtitle: String
    private(set) var body: [String] = []
    /// The ids of the charts on the page, in order.
    private(set) var chartIDs: [String] = []

    init(title: String, subtitle: String) {
        self.title = title
        self.subtitle = subtitle
    }

    /// Starts a section with a heading and an optional explanation.
    mutating func section(_ heading: String, _ explanation: String? = nil) {
        body.append("<h2>\(SVG.escape(heading))</h2>")
        if let explanation { body.append("<p class=\"explain\">\(SVG.escape(explanation))</p>") }
    }

    /// Adds a chart; `svg` is a whole `<svg id="...">` element from Charts.
    mutating func chart(_ svg: String, id: String) {
        chartIDs.append(id)
        body.append("<figure>\(svg)</figure>")
    }

    /// Adds several charts side by side.
    mutating func chartRow(_ charts: [(svg: String, id: String)]) {
        chartIDs += charts.map(\.id)
        body.append("<div class=\"row\">" + charts.map { "<figure>\($0.svg)</figure>" }.joined() + "</div>")
    }

    /// Adds a paragraph of text.
    mutating func paragraph(_ text: String) {
        body.append("<p>\(SVG.escape(text))</p>")
    }

    /// Adds a sortable table; numeric cells are right-aligned. `cellClass` colours a cell.
    mutating func table(id: String, header: [String], rows: [[String]], cellStyle: ((Int, Int) -> String?)? = nil) {
        var html = "<table id=\"\(SVG.escape(id))\" class=\"sortable\"><thead><tr>"
        html += header.map { "<th>\(SVG.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
        for (rowIndex, row) in rows.enumerated() {
            html += "<tr>"
            for (columnIndex, cell) in row.enumerated() {
                let numeric = Double(cell.replacingOccurrences(of: ",", with: "")) != nil
                var attributes = numeric ? " class=\"num\"" : ""
                if let style = cellStyle?(rowIndex, columnIndex) { attributes += " style=\"\(SVG.escape(style))\"" }
                html += "<td\(attributes)>\(SVG.escape(cell))</td>"
            }
            html += "</tr>"
        }
        body.append(html + "</tbody></table>")
    }

    /// The whole page.
    var html: String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><meta charset="utf-8"/><title>\(SVG.escape(title))</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <style>\(Self.css)</style></head>
        <body><header><h1>\(SVG.escape(title))</h1><p class="subtitle">\(SVG.escape(subtitle))</p></header>
        <main>
        \(body.joined(separator: "\n"))
        </main>
        <script>//<![CDATA[
        \(Self.sortScript)
        //]]></script>
        </body></html>

        """
    }

    static let css = """
        body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;color:#222;background:#fafafa}\
        header{background:#1f3b57;color:#fff;padding:16px 28px}h1{margin:0;font-size:24px}.subtitle{margin:4px 0 0;opacity:.85}\
        main{padding:8px 28px 40px;max-width:1280px}h2{margin-top:32px;border-bottom:1px solid #ccc;padding-bottom:4px}\
        figure{margin:8px 12px 8px 0;display:inline-block;background:#fff;border:1px solid #ddd;border-radius:4px}\
        .row{display:flex;flex-wrap:wrap}.explain{color:#555;max-width:900px}\
        table{border-collapse:collapse;background:#fff;margin:8px 0;font-size:13px}\
        th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef2f6;cursor:pointer}\
        td.num{text-align:right;font-variant-numeric:tabular-nums}code{font-size:12px}
        """

    /// Sorts a table by the clicked column (numbers numerically); nothing else needs JavaScript.
    static let sortScript = """
        document.querySelectorAll('table.sortable th').forEach(function(th,i){th.onclick=function(){var b=th.closest('table').tBodies[0],\
        r=Array.from(b.rows),d=th.dataset.d=th.dataset.d==='1'?'-1':'1',v=function(x){var t=x.cells[i].textContent,n=parseFloat(t);\
        return isNaN(n)?t:n;};r.sort(function(p,q){var a=v(p),c=v(q);return (a>c?1:a<c?-1:0)*d;});r.forEach(function(x){b.appendChild(x);});};});
        """
}
