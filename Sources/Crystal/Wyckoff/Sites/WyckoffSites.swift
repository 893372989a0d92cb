/// The sites of every Wyckoff position as expressions in the free parameters (International
/// Tables style), expanded from the committed representatives (`WyckoffSiteData`) with the space
/// group's operations in spglib's standard setting.
public enum WyckoffSites {
    /// One Wyckoff position's sites.
    public struct Position: Sendable, Hashable {
        /// The Wyckoff letter.
        public let letter: String
        /// The representative expression.
        public let representative: SiteExpression
        /// The sites of the orbit, one per class modulo the lattice and the centring
        /// translations; `sites.count × centringCount` is the multiplicity.
        public let sites: [SiteExpression]
    }

    /// The positions of space group `number` in letter order (empty outside 1…230 or when the
    /// committed table does not cover the group).
    public static func positions(spaceGroup number: Int) -> [Position] {
        table.indices.contains(number - 1) ? table[number - 1] : []
    }

    /// The position with `letter` in space group `number`, or `nil`.
    public static func position(spaceGroup number: Int, letter: String) -> Position? {
        positions(spaceGroup: number).first { $0.letter == letter }
    }

    /// The number of centring translations of space group `number`'s conventional cell (1 for
    /// P, 2 for A/B/C/I, 3 for R in hexagonal axes, 4 for F); 0 outside 1…230.
    public static func centringCount(spaceGroup number: Int) -> Int {
        centrings.indices.contains(number - 1) ? centrings[number - 1] : 0
    }

    private static let centrings: [Int] = (1...230).map { GroupOperations(spaceGroup: $0)?.centrings.count ?? 0 }

    private static let table: [[Position]] = (1...230).map { number in
        let letters = WyckoffTable.positions(spaceGroup: number).map(\.letter)
        guard WyckoffSiteData.representatives.indices.contains(number - 1),
              let group = GroupOperations(spaceGroup: number) else { return [] }
        let texts = WyckoffSiteData.representatives[number - 1].split(separator: " ")
        guard texts.count == letters.count else { return [] }
        var positions: [Position] = []
        for (letter, text) in zip(letters, texts) {
            guard let representative = SiteExpression(parsing: String(text)) else { return [] }
            positions.append(Position(letter: letter, representative: representative, sites: group.orbit(of: representative)))
        }
        return positions
    }
}
