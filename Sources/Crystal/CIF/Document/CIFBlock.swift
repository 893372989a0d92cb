/// One `data_` block: its single-valued items and its loops, in file order.
public struct CIFBlock: Sendable, Hashable {
    /// Block name (after `data_`).
    public let name: String
    /// 1-based line of the `data_` header (or of the first item for an unnamed leading block).
    public let line: Int
    /// Single items: lower-cased tag and value, in file order.
    public let items: [(tag: String, value: CIFValue)]
    /// Loops in file order.
    public let loops: [CIFLoop]

    private let index: [String: Int]

    /// Creates a block. A tag repeated among `items` resolves to its first occurrence.
    public init(name: String, line: Int, items: [(tag: String, value: CIFValue)], loops: [CIFLoop]) {
        self.name = name
        self.line = line
        self.items = items
        self.loops = loops
        var index: [String: Int] = [:]
        for (i, item) in items.enumerated() where index[item.tag] == nil {
            index[item.tag] = i
        }
        self.index = index
    }

    /// The single value of `tag` (case-insensitive), or `nil`.
    public func value(_ tag: String) -> CIFValue? {
        index[tag.lowercased()].map { items[$0].value }
    }

    /// The first of `tags` present as a single item, with the tag that matched.
    public func firstValue(_ tags: [String]) -> (tag: String, value: CIFValue)? {
        for tag in tags {
            if let value = value(tag) { return (tag, value) }
        }
        return nil
    }

    /// The first loop that has a column for `tag`.
    public func loop(containing tag: String) -> CIFLoop? {
        loops.first { $0.column(tag) != nil }
    }

    /// The values of `tag`, whether written as a single item or as a loop column.
    public func values(_ tag: String) -> [CIFValue]? {
        if let single = value(tag) { return [single] }
        return loop(containing: tag)?.values(tag)
    }

    public static func == (lhs: CIFBlock, rhs: CIFBlock) -> Bool {
        lhs.name == rhs.name && lhs.line == rhs.line && lhs.loops == rhs.loops
            && lhs.items.map(\.tag) == rhs.items.map(\.tag) && lhs.items.map(\.value) == rhs.items.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(line)
        hasher.combine(loops)
        for item in items {
            hasher.combine(item.tag)
            hasher.combine(item.value)
        }
    }
}
