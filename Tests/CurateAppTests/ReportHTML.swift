import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// A report's HTML read back: parsed as XML (libxml2 through Foundation's XMLParser) and, where
/// Debian's xmllint is installed, also checked by libxml2's HTML parser.
struct ReportHTML {
    /// One element inside a chart: its name and attributes.
    struct Mark {
        let name: String
        let attributes: [String: String]
        var className: String { attributes["class"] ?? "" }
    }

    let text: String
    /// The marks of each chart, by the chart's `<svg id>`, in document order.
    let charts: [String: [Mark]]
    /// The ids of the charts in document order.
    let chartOrder: [String]

    init(path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        text = try String(contentsOfFile: path, encoding: .utf8)
        let collector = Collector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        XCTAssertTrue(parser.parse(), "\(path) does not parse: \(String(describing: parser.parserError))", file: file, line: line)
        charts = collector.charts
        chartOrder = collector.order
        let nonFinite = text.range(of: #"(=\"|,| )-?(nan|NaN|inf|infinity)(\"|,| )"#, options: .regularExpression)
        XCTAssertNil(nonFinite, "non-finite numbers in \(path)", file: file, line: line)
        XCTAssertFalse(text.contains("http://") && text.replacingOccurrences(of: "http://www.w3.org/", with: "").contains("http://"),
                       "the report must not load anything from the network", file: file, line: line)
        Self.xmllint(path, file: file, line: line)
    }

    /// The marks of class `className` in chart `id`.
    func marks(_ id: String, _ className: String) -> [Mark] {
        (charts[id] ?? []).filter { $0.className == className }
    }

    /// Runs `xmllint --html --noout` when it is installed; any complaint fails the test.
    static func xmllint(_ path: String, file: StaticString, line: UInt) {
        guard let tool = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first(where: FileManager.default.isExecutableFile(atPath:)) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--html", "--noout", path]
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch { return XCTFail("xmllint did not start: \(error)", file: file, line: line) }
        let complaints = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // libxml2's HTML parser does not know SVG tag names; anything else is a real error.
        let real = complaints.split(separator: "\n").filter { $0.contains("error") && !$0.contains("Tag ") && !$0.contains("invalid in Entity") }
        XCTAssertEqual(process.terminationStatus == 0 ? [] : real, [], "xmllint --html: \(complaints.prefix(2000))", file: file, line: line)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var charts: [String: [Mark]] = [:]
        var order: [String] = []
        var current: String?
        var depth = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if name == "svg", current == nil, let id = attributes["id"] {
                current = id
                order.append(id)
                charts[id] = []
                depth = 0
            } else if let current {
                charts[current, default: []].append(Mark(name: name, attributes: attributes))
            }
            if current != nil { depth += 1 }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard current != nil else { return }
            depth -= 1
            if depth == 0 { current = nil }
        }
    }
}
