/// Typed views of the tag values a ``VaspRun`` holds as written (`T`/`F`, `.TRUE.`, numbers,
/// whitespace-separated lists); a value that does not parse reads as absent.
struct VaspTags {
    let values: [String: String]

    func string(_ tag: String) -> String? {
        values[tag]?.trimmingCharacters(in: .whitespaces)
    }

    func double(_ tag: String) -> Double? {
        string(tag).flatMap { Double($0) }
    }

    func int(_ tag: String) -> Int? {
        guard let text = string(tag) else { return nil }
        return Int(text) ?? Double(text).flatMap { $0 == $0.rounded() ? Int(exactly: $0) : nil }
    }

    func bool(_ tag: String) -> Bool? {
        switch string(tag)?.uppercased() {
        case "T", ".TRUE.", "TRUE": return true
        case "F", ".FALSE.", "FALSE": return false
        default: return nil
        }
    }

    func doubles(_ tag: String) -> [Double]? {
        guard let text = string(tag) else { return nil }
        let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Double($0) }
        return numbers.isEmpty ? nil : numbers
    }
}
