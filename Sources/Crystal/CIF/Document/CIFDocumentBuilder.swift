/// Groups tokens into blocks, items and loops.
///
/// Strict about structure (a value needs a tag, a tag needs a value, a loop must fill whole
/// rows) because guessing there would silently shift columns; lenient about duplicates (the first
/// value wins, with a warning) and about save frames (their items are read into the block).
enum CIFDocumentBuilder {
    private struct PendingBlock {
        var name: String
        var line: Int
        var items: [(tag: String, value: CIFValue)] = []
        var seen: Set<String> = []
        var loops: [CIFLoop] = []
    }

    static func build(tokens: [CIFToken], warnings initial: [CIFWarning]) throws(CIFError) -> CIFDocument {
        var warnings = initial
        var blocks: [CIFBlock] = []
        var current: PendingBlock?
        var i = 0

        func finish(_ block: PendingBlock?) {
            guard let block else { return }
            blocks.append(CIFBlock(name: block.name, line: block.line, items: block.items, loops: block.loops))
        }

        while i < tokens.count {
            let token = tokens[i]
            switch token.kind {
            case .dataBlock(let name):
                guard !name.isEmpty else { throw CIFError(.unnamedDataBlock, line: token.line) }
                finish(current)
                current = PendingBlock(name: name, line: token.line)
                i += 1
            case .saveFrame, .reserved:
                i += 1
            case .tag(let tag):
                if current == nil {
                    warnings.append(CIFWarning(.missingDataHeader, line: token.line, tag: tag, "items before any data_ header read into an unnamed block"))
                    current = PendingBlock(name: "", line: token.line)
                }
                guard i + 1 < tokens.count, case .value(let text, let quoting) = tokens[i + 1].kind else {
                    throw CIFError(.tagWithoutValue, line: token.line, tag: tag)
                }
                let key = tag.lowercased()
                if current?.seen.contains(key) == true {
                    warnings.append(CIFWarning(.duplicateTag, line: token.line, tag: tag, "tag repeated; the first value is kept"))
                } else {
                    current?.seen.insert(key)
                }
                current?.items.append((key, CIFValue(text: text, quoting: quoting, line: tokens[i + 1].line)))
                i += 2
            case .loop:
                if current == nil {
                    warnings.append(CIFWarning(.missingDataHeader, line: token.line, "loop before any data_ header read into an unnamed block"))
                    current = PendingBlock(name: "", line: token.line)
                }
                let (loop, next) = try readLoop(tokens, from: i)
                current?.loops.append(loop)
                i = next
            case .value(let text, _):
                throw CIFError(.valueWithoutTag(text), line: token.line)
            }
        }
        finish(current)
        guard !blocks.isEmpty else { throw CIFError(.noDataBlock, line: nil) }
        return CIFDocument(blocks: blocks, warnings: warnings)
    }

    /// Reads `loop_`, its tags and its values; returns the loop and the index after it.
    private static func readLoop(_ tokens: [CIFToken], from start: Int) throws(CIFError) -> (CIFLoop, Int) {
        let line = tokens[start].line
        var i = start + 1
        var tags: [String] = []
        while i < tokens.count, case .tag(let tag) = tokens[i].kind {
            tags.append(tag.lowercased())
            i += 1
        }
        guard !tags.isEmpty else { throw CIFError(.emptyLoop, line: line) }
        var values: [CIFValue] = []
        while i < tokens.count, case .value(let text, let quoting) = tokens[i].kind {
            values.append(CIFValue(text: text, quoting: quoting, line: tokens[i].line))
            i += 1
        }
        guard values.count % tags.count == 0 else {
            let lastLine = values.last?.line ?? line
            throw CIFError(.loopCountMismatch(tags: tags.count, values: values.count), line: lastLine, tag: tags.first)
        }
        var rows: [[CIFValue]] = []
        rows.reserveCapacity(values.count / tags.count)
        var rowStart = 0
        while rowStart < values.count {
            rows.append(Array(values[rowStart..<(rowStart + tags.count)]))
            rowStart += tags.count
        }
        return (CIFLoop(tags: tags, rows: rows, line: line), i)
    }
}
