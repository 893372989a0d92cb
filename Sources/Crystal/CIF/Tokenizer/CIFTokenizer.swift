/// Splits CIF bytes into tokens (CIF 1.1 syntax, with tolerance for common quirks).
///
/// Handles `data_`, `loop_`, `save_`, tags, bare, single- and double-quoted values (a quote
/// closes a string only when followed by whitespace or the end of the line, so `'it's'` is one
/// value), `;` text fields, comments, CR/LF/CRLF line ends, tabs, a UTF-8 BOM, CIF 2.0 triple
/// quotes (with a warning) and free text before the first `data_` line (skipped with a warning,
/// as in ICSD exports that start with a copyright line).
public struct CIFTokenizer: Sendable {
    private let bytes: [UInt8]
    private var position: Int
    private var line: Int
    /// Quirks met so far.
    public private(set) var warnings: [CIFWarning] = []

    /// Creates a tokenizer over the bytes of a file.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.position = 0
        self.line = 1
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            position = 3
            warnings.append(CIFWarning(.byteOrderMark, line: 1, "UTF-8 byte-order mark skipped"))
        }
        skipLeadingText()
    }

    /// Tokenizes everything; returns the tokens and the warnings, or the first lexical error.
    public static func tokenize(_ bytes: [UInt8]) throws(CIFError) -> (tokens: [CIFToken], warnings: [CIFWarning]) {
        var tokenizer = CIFTokenizer(bytes: bytes)
        var tokens: [CIFToken] = []
        while let token = try tokenizer.next() {
            tokens.append(token)
        }
        return (tokens, tokenizer.warnings)
    }

    // MARK: Bytes

    private static let space: UInt8 = 0x20, tab: UInt8 = 0x09, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
    private static let hash: UInt8 = 0x23, semicolon: UInt8 = 0x3B, apostrophe: UInt8 = 0x27, quote: UInt8 = 0x22

    private static func isWhitespace(_ b: UInt8) -> Bool {
        b == space || b == tab || b == lf || b == cr || b == 0x0B || b == 0x0C
    }

    private static func isLineEnd(_ b: UInt8) -> Bool { b == lf || b == cr }

    /// True when `position` is at the first byte of a line.
    private var atLineStart: Bool {
        position == 0 || Self.isLineEnd(bytes[position - 1])
            || (position == 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    }

    /// Consumes one line end (LF, CR or CRLF) at `position`, counting the line.
    private mutating func consumeLineEnd() {
        guard position < bytes.count else { return }
        if bytes[position] == Self.cr {
            position += 1
            if position < bytes.count, bytes[position] == Self.lf { position += 1 }
        } else {
            position += 1
        }
        line += 1
    }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func endOfLine(from start: Int) -> Int {
        var end = start
        while end < bytes.count, !Self.isLineEnd(bytes[end]) { end += 1 }
        return end
    }

    // MARK: Leading text

    /// Skips lines before the first line that starts with `data_`, a tag or `loop_`; blank and
    /// comment lines pass silently, any other line is reported as leading text.
    private mutating func skipLeadingText() {
        while position < bytes.count {
            var first = position
            while first < bytes.count, bytes[first] == Self.space || bytes[first] == Self.tab { first += 1 }
            let end = endOfLine(from: first)
            let content = text(first..<end)
            let lower = content.lowercased()
            if lower.hasPrefix("data_") || lower.hasPrefix("_") || lower.hasPrefix("loop_") || lower.hasPrefix("global_") {
                return
            }
            if !content.isEmpty, !content.hasPrefix("#") {
                let excerpt = content.count > 60 ? String(content.prefix(60)) + "…" : content
                warnings.append(CIFWarning(.leadingText, line: line, "text before the first data_ block skipped: \(excerpt)"))
            }
            position = end
            consumeLineEnd()
        }
    }

    // MARK: Tokens

    /// The next token, `nil` at the end of the file.
    public mutating func next() throws(CIFError) -> CIFToken? {
        while position < bytes.count {
            let b = bytes[position]
            if Self.isLineEnd(b) {
                consumeLineEnd()
            } else if Self.isWhitespace(b) {
                position += 1
            } else if b == Self.hash {
                position = endOfLine(from: position)
            } else {
                break
            }
        }
        guard position < bytes.count else { return nil }
        let b = bytes[position]
        let startLine = line
        if b == Self.semicolon, atLineStart {
            return try textField(startLine: startLine)
        }
        if b == Self.apostrophe || b == Self.quote {
            if position + 2 < bytes.count, bytes[position + 1] == b, bytes[position + 2] == b {
                return try tripleQuoted(b, startLine: startLine)
            }
            return try quoted(b, startLine: startLine)
        }
        return bareWord(startLine: startLine)
    }

    private mutating func textField(startLine: Int) throws(CIFError) -> CIFToken {
        position += 1
        let contentStart = position
        while position < bytes.count {
            let lineEnd = endOfLine(from: position)
            position = lineEnd
            let valueEnd = lineEnd
            consumeLineEnd()
            if position < bytes.count, bytes[position] == Self.semicolon {
                var value = text(contentStart..<valueEnd)
                position += 1
                // The first line of a text field is usually empty; drop that line break.
                if value.hasPrefix("\r\n") { value.removeFirst(1) }
                if value.hasPrefix("\n") || value.hasPrefix("\r") { value.removeFirst() }
                return CIFToken(kind: .value(value, .textField), line: startLine)
            }
        }
        throw CIFError(.unterminatedTextField, line: startLine)
    }

    private mutating func quoted(_ delimiter: UInt8, startLine: Int) throws(CIFError) -> CIFToken {
        let contentStart = position + 1
        var cursor = contentStart
        while cursor < bytes.count, !Self.isLineEnd(bytes[cursor]) {
            if bytes[cursor] == delimiter {
                let after = cursor + 1
                if after == bytes.count || Self.isWhitespace(bytes[after]) {
                    position = after
                    return CIFToken(kind: .value(text(contentStart..<cursor), .quoted), line: startLine)
                }
            }
            cursor += 1
        }
        throw CIFError(.unterminatedQuote, line: startLine)
    }

    private mutating func tripleQuoted(_ delimiter: UInt8, startLine: Int) throws(CIFError) -> CIFToken {
        let contentStart = position + 3
        var cursor = contentStart
        while cursor + 2 < bytes.count {
            if bytes[cursor] == delimiter, bytes[cursor + 1] == delimiter, bytes[cursor + 2] == delimiter {
                let value = text(contentStart..<cursor)
                // Count the lines inside the value.
                while position < cursor {
                    if Self.isLineEnd(bytes[position]) { consumeLineEnd() } else { position += 1 }
                }
                position = cursor + 3
                warnings.append(CIFWarning(.tripleQuotedString, line: startLine, "CIF 2.0 triple-quoted string read as one value"))
                return CIFToken(kind: .value(value, .tripleQuoted), line: startLine)
            }
            cursor += 1
        }
        throw CIFError(.unterminatedQuote, line: startLine)
    }

    private mutating func bareWord(startLine: Int) -> CIFToken {
        let start = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]) { position += 1 }
        let word = text(start..<position)
        let lower = word.lowercased()
        let kind: CIFToken.Kind
        if lower.hasPrefix("data_") {
            kind = .dataBlock(String(word.dropFirst(5)))
        } else if lower.hasPrefix("save_") {
            kind = .saveFrame(String(word.dropFirst(5)))
        } else if lower == "loop_" {
            kind = .loop
        } else if lower == "global_" || lower == "stop_" {
            kind = .reserved(lower)
        } else if word.hasPrefix("_") {
            kind = .tag(word)
        } else {
            kind = .value(word, .bare)
        }
        return CIFToken(kind: kind, line: startLine)
    }
}
