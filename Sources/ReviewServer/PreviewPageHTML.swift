/// The release preview: which spec files may be previewed and, for one, the records the next
/// release would exclude because of accepted flags, each with its flag.
enum PreviewPageHTML {
    static func index(_ specs: [String]) -> String {
        guard !specs.isEmpty else {
            return HTML.page(title: "Release preview", body: """
                <h1>Release preview</h1><p id="no-specs">No spec files: start the server with \
                <code>curate serve --store S --release SPEC.dataset.json</code> to preview what the next release would exclude.</p>
                """)
        }
        return HTML.page(title: "Release preview", body: "<h1>Release preview</h1><ul id=\"specs\">" + specs.map { spec in
            "<li><a href=\"/preview?spec=\(QueueQuery.percentEncoded(spec))\">\(HTML.escape(spec))</a></li>"
        }.joined() + "</ul>")
    }

    static func render(_ preview: ReleasePreview, spec: String) -> String {
        var body = """
            <h1>Release preview: \(HTML.escape(preview.name))</h1>
            <p id="preview-summary" data-excluded="\(preview.excluded.count)" data-records="\(preview.records)">The next release of \
            <code>\(HTML.escape(spec))</code> from this store would hold \(preview.records) record(s) and exclude \
            <b>\(preview.excluded.count)</b> because of accepted flags.</p>
            """
        if preview.excluded.isEmpty {
            body += "<p id=\"nothing-excluded\">No accepted flag touches this release.</p>"
        } else {
            body += "<table id=\"preview-exclusions\"><tr><th>flag</th><th>source</th><th>locator</th><th>record</th><th>reason</th></tr>"
            for row in preview.excluded {
                let flag = row.flagId.map { "<a href=\"/flags/\($0)\">#\($0)</a>" } ?? "—"
                body += "<tr class=\"preview-row\" data-flag-id=\"\(row.flagId.map(String.init) ?? "")\"><td>\(flag)</td>"
                    + "<td>\(HTML.escape(row.source))</td><td>\(HTML.escape(row.locator))</td><td>\(HTML.escape(row.formula))</td>"
                    + "<td>\(HTML.escape(row.reason))</td></tr>"
            }
            body += "</table>"
        }
        body += "<p><a href=\"/preview\">Other specs</a> · <a href=\"/flags?status=accepted\">Accepted flags</a></p>"
        return HTML.page(title: "Preview \(preview.name)", body: body)
    }
}
