import Foundation

/// The modules a folder of Swift files imports, read from `import` lines (any attributes, access
/// level or `import struct Module.Symbol` form), with the first file that imports each.
enum ImportScanner {
    private static let pattern = try? NSRegularExpression(
        pattern: #"^\s*(?:@[A-Za-z_]+(?:\([^)]*\))?\s+)*(?:(?:public|package|internal|fileprivate|private)\s+)?import\s+(?:(?:typealias|struct|class|enum|protocol|let|var|func)\s+)?([A-Za-z_][A-Za-z0-9_]*)"#)

    /// Module names imported by one file's text.
    static func imports(in text: String) -> Set<String> {
        guard let pattern else { return [] }
        var modules: Set<String> = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.contains("import") {
            let line = String(line)
            let range = NSRange(line.startIndex..., in: line)
            if let match = pattern.firstMatch(in: line, range: range), let name = Range(match.range(at: 1), in: line) {
                modules.insert(String(line[name]))
            }
        }
        return modules
    }

    /// Every module imported under `folder` (recursively), mapped to the first file (relative to
    /// `root`) that imports it.
    static func imports(under folder: URL, relativeTo root: URL) throws -> [String: String] {
        var found: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [:] }
        var files: [URL] = []
        while let url = enumerator.nextObject() as? URL {
            if url.pathExtension == "swift" { files.append(url) }
        }
        for url in files.sorted(by: { $0.path < $1.path }) {
            let text = try String(contentsOf: url, encoding: .utf8)
            let relative = String(url.path.dropFirst(root.path.count + 1))
            for module in imports(in: text) where found[module] == nil { found[module] = relative }
        }
        return found
    }
}
