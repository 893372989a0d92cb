/// One line of a POSCAR with its 1-based number.
struct POSCARLine {
    let text: String
    let number: Int
    let file: String?

    /// Whitespace-separated words, stopping at a `#` or `!` comment.
    var words: [String] {
        let body = text.prefix { $0 != "#" && $0 != "!" }
        return body.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// The first `atLeast` words as numbers (Fortran `1.0D0` accepted).
    func numbers(atLeast count: Int, what: String) throws(POSCARError) -> [Double] {
        let w = words
        guard w.count >= count else { throw POSCARError(.tooFewValues(what), file: file, line: number) }
        var values: [Double] = []
        for word in w.prefix(count == 1 ? min(w.count, 3) : count) {
            guard let value = Double(word.replacingOccurrences(of: "D", with: "e").replacingOccurrences(of: "d", with: "e")),
                  value.isFinite
            else {
                if values.count >= count { break }
                throw POSCARError(.invalidNumber(word), file: file, line: number)
            }
            values.append(value)
        }
        return values
    }

    /// Positive integer counts.
    func counts() throws(POSCARError) -> [Int] {
        let w = words
        guard !w.isEmpty else { throw POSCARError(.tooFewValues("the atom counts"), file: file, line: number) }
        var counts: [Int] = []
        for word in w {
            guard let n = Int(word), n > 0, n <= 10_000_000 else { throw POSCARError(.invalidCount(word), file: file, line: number) }
            counts.append(n)
        }
        return counts
    }
}

/// The lines of a POSCAR, read one at a time (blank lines after the header are skipped).
struct POSCARLines {
    private let lines: [Substring]
    private var index = 0
    private let file: String?

    init(text: String, file: String?) {
        lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        self.file = file
    }

    /// The next line (the first is returned even when blank); throws at the end of the text.
    mutating func next(_ what: String) throws(POSCARError) -> POSCARLine {
        while index < lines.count {
            let text = String(lines[index])
            index += 1
            if index == 1 || !text.allSatisfy(\.isWhitespace) {
                return POSCARLine(text: text, number: index, file: file)
            }
        }
        throw POSCARError(.unexpectedEnd(what), file: file, line: lines.count)
    }
}
