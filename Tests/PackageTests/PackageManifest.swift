import Foundation

/// The targets of a `Package.swift`, read from its text: each target's kind, name, folder and
/// declared dependencies (targets and products alike, by name).
///
/// Understands the forms this package uses: `.target`, `.executableTarget`, `.testTarget`,
/// `.systemLibrary` (and `.binaryTarget`, `.plugin`, `.macro`) with `name:`, optional `path:` and a
/// `dependencies:` array of `"Name"`, `.target(name:)`, `.byName(name:)` and
/// `.product(name:package:)` entries. Comments are ignored.
struct PackageManifest {
    struct Target: Equatable {
        enum Kind: String { case regular = "target", executable = "executableTarget", test = "testTarget", system = "systemLibrary", other }
        let kind: Kind
        let name: String
        /// The folder relative to the package root.
        let path: String
        /// Project targets named in `dependencies`.
        let targetDependencies: Set<String>
        /// Products of other packages named in `dependencies` (a product is imported under its own name).
        let productDependencies: Set<String>

        var dependencies: Set<String> { targetDependencies.union(productDependencies) }
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    let targets: [Target]

    /// Every project target by name.
    var targetsByName: [String: Target] { Dictionary(targets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }) }

    init(text: String) throws {
        let code = Self.strippingComments(text)
        var targets: [Target] = []
        let calls = ["target", "executableTarget", "testTarget", "systemLibrary", "binaryTarget", "plugin", "macro"]
        var index = code.startIndex
        while let match = code.range(of: #"\.(\#(calls.joined(separator: "|")))\("#, options: .regularExpression, range: index..<code.endIndex) {
            let callName = String(code[code.index(after: match.lowerBound)..<code.index(before: match.upperBound)])
            guard let arguments = Self.balanced(in: code, openingAt: code.index(before: match.upperBound)) else {
                throw ParseError(description: "unbalanced parentheses after .\(callName)(")
            }
            index = arguments.upperBound
            let body = String(code[arguments])
            // `.target(name: "X")` inside a dependencies array is a dependency, not a declaration:
            // declarations sit directly in `targets: [ ... ]`, so skip calls inside another call's array.
            guard Self.isTopLevelTargetDeclaration(code, at: match.lowerBound) else { continue }
            guard let name = Self.firstString(after: "name:", in: body) else {
                throw ParseError(description: ".\(callName)( without a name")
            }
            let kind = Target.Kind(rawValue: callName) ?? .other
            let defaultPath = (kind == .test ? "Tests/" : "Sources/") + name
            let path = Self.firstString(after: "path:", in: Self.topLevel(body)) ?? defaultPath
            var targetDependencies: Set<String> = []
            var productDependencies: Set<String> = []
            if let list = Self.array(after: "dependencies:", in: body) {
                for item in Self.splitTopLevel(list) {
                    let entry = item.trimmingCharacters(in: .whitespacesAndNewlines)
                    if entry.isEmpty { continue }
                    if entry.hasPrefix(".product("), let product = Self.firstString(after: "name:", in: entry) {
                        productDependencies.insert(product)
                    } else if entry.hasPrefix("\""), let plain = Self.firstString(after: "", in: entry) {
                        targetDependencies.insert(plain)
                    } else if entry.hasPrefix(".target(") || entry.hasPrefix(".byName("), let named = Self.firstString(after: "name:", in: entry) {
                        targetDependencies.insert(named)
                    } else {
                        throw ParseError(description: "\(name): dependency \(entry) is in a form the check does not read")
                    }
                }
            }
            targets.append(Target(kind: kind, name: name, path: path,
                                  targetDependencies: targetDependencies, productDependencies: productDependencies))
        }
        guard !targets.isEmpty else { throw ParseError(description: "no targets found") }
        self.targets = targets
    }

    /// Whether the call starting at `position` sits directly in the `targets:` array (bracket depth 1
    /// inside it, no enclosing parenthesis other than `Package(`).
    private static func isTopLevelTargetDeclaration(_ code: String, at position: String.Index) -> Bool {
        guard let targetsKey = code.range(of: "targets:", options: .backwards, range: code.startIndex..<position) else { return false }
        var parentheses = 0
        var brackets = 0
        for character in code[targetsKey.upperBound..<position] {
            switch character {
            case "(": parentheses += 1
            case ")": parentheses -= 1
            case "[": brackets += 1
            case "]": brackets -= 1
            default: break
            }
        }
        return parentheses == 0 && brackets == 1
    }

    /// The range between the parenthesis at `open` and its partner (exclusive of both).
    private static func balanced(in code: String, openingAt open: String.Index) -> Range<String.Index>? {
        let closing: Character = code[open] == "(" ? ")" : "]"
        let opening = code[open]
        var depth = 0
        var inString = false
        var index = open
        while index < code.endIndex {
            let character = code[index]
            if inString {
                if character == "\\" { index = code.index(after: index) } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == opening {
                depth += 1
            } else if character == closing {
                depth -= 1
                if depth == 0 { return code.index(after: open)..<index }
            }
            index = code.index(after: index)
        }
        return nil
    }

    /// The text of the array after `key` (without its brackets), searched at the top level of `body`.
    private static func array(after key: String, in body: String) -> String? {
        guard let keyRange = topLevelRange(of: key, in: body),
              let open = body[keyRange.upperBound...].firstIndex(where: { !$0.isWhitespace }),
              body[open] == "[",
              let inside = balanced(in: body, openingAt: open) else { return nil }
        return String(body[inside])
    }

    /// The first string literal after `key` in `text`.
    private static func firstString(after key: String, in text: String) -> String? {
        let start = key.isEmpty ? text.startIndex : (text.range(of: key)?.upperBound ?? text.endIndex)
        guard let open = text[start...].firstIndex(of: "\""),
              let close = text[text.index(after: open)...].firstIndex(of: "\"") else { return nil }
        return String(text[text.index(after: open)..<close])
    }

    /// `body` with everything inside nested brackets and parentheses blanked out.
    private static func topLevel(_ body: String) -> String {
        var depth = 0
        return String(body.map { character -> Character in
            if character == "(" || character == "[" { depth += 1; return " " }
            if character == ")" || character == "]" { depth -= 1; return " " }
            return depth == 0 ? character : " "
        })
    }

    private static func topLevelRange(of key: String, in body: String) -> Range<String.Index>? {
        let flat = topLevel(body)
        guard let range = flat.range(of: key) else { return nil }
        let lower = body.index(body.startIndex, offsetBy: flat.distance(from: flat.startIndex, to: range.lowerBound))
        return lower..<body.index(lower, offsetBy: key.count)
    }

    /// Splits an array's text at its top-level commas.
    private static func splitTopLevel(_ list: String) -> [String] {
        var items: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        for character in list {
            if character == "\"" { inString.toggle() }
            if !inString {
                if character == "(" || character == "[" { depth += 1 }
                if character == ")" || character == "]" { depth -= 1 }
                if character == "," && depth == 0 {
                    items.append(current)
                    current = ""
                    continue
                }
            }
            current.append(character)
        }
        items.append(current)
        return items
    }

    /// `text` without `//` line comments and `/* */` block comments (string literals kept).
    static func strippingComments(_ text: String) -> String {
        var result = ""
        var index = text.startIndex
        var inString = false
        while index < text.endIndex {
            let character = text[index]
            let rest = text[index...]
            if inString {
                result.append(character)
                if character == "\\", text.index(after: index) < text.endIndex {
                    index = text.index(after: index)
                    result.append(text[index])
                } else if character == "\"" {
                    inString = false
                }
            } else if rest.hasPrefix("//") {
                while index < text.endIndex, text[index] != "\n" { index = text.index(after: index) }
                continue
            } else if rest.hasPrefix("/*") {
                guard let end = text.range(of: "*/", range: index..<text.endIndex) else { break }
                index = end.upperBound
                result.append(" ")
                continue
            } else {
                if character == "\"" { inString = true }
                result.append(character)
            }
            index = text.index(after: index)
        }
        return result
    }
}
