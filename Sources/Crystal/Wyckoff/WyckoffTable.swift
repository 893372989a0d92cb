/// The Wyckoff positions and letter relabelings of the 230 space groups (standard settings),
/// as derived by `WyckoffDerivation` and committed in `WyckoffTableData`.
public enum WyckoffTable {
    /// Positions of space groups 1…230 (index 0 is space group 1).
    private static let table: [[WyckoffPosition]] = WyckoffTableData.positions.map(parsePositions)

    /// Relabelings of space groups 1…230 as letter maps.
    private static let maps: [[[String: String]]] = zip(table, WyckoffTableData.relabelings).map {
        positions, permutations in
        let letters = positions.map(\.letter)
        return permutations.compactMap { permutation -> [String: String]? in
            let images = permutation.map(String.init)
            guard images.count == letters.count else { return nil }
            return Dictionary(zip(letters, images), uniquingKeysWith: { first, _ in first })
        }
    }

    /// The Wyckoff positions of space group `number` in letter order; empty outside 1…230.
    public static func positions(spaceGroup number: Int) -> [WyckoffPosition] {
        table.indices.contains(number - 1) ? table[number - 1] : []
    }

    /// The position with `letter` in space group `number`, or `nil`.
    public static func position(spaceGroup number: Int, letter: String) -> WyckoffPosition? {
        positions(spaceGroup: number).first { $0.letter == letter }
    }

    /// The letter permutations that relate equivalent descriptions of one structure in space
    /// group `number` (from its normaliser; identity first); empty outside 1…230.
    public static func relabelings(spaceGroup number: Int) -> [[String: String]] {
        maps.indices.contains(number - 1) ? maps[number - 1] : []
    }

    /// spglib's standard Hall number for space group `number`, or `nil` outside 1…230.
    public static func standardHallNumber(spaceGroup number: Int) -> Int? {
        let halls = WyckoffTableData.standardHallNumbers
        return halls.indices.contains(number - 1) ? halls[number - 1] : nil
    }

    /// The spglib version the committed tables were derived with.
    public static var spglibVersion: String { WyckoffTableData.spglibVersion }

    /// Reads `a1.0 b2.3 …`; entries that do not parse are skipped (the tests check the count).
    private static func parsePositions(_ line: String) -> [WyckoffPosition] {
        line.split(separator: " ").compactMap { entry -> WyckoffPosition? in
            guard let letter = entry.first else { return nil }
            let numbers = entry.dropFirst().split(separator: ".")
            guard numbers.count == 2, let multiplicity = Int(numbers[0]), let free = Int(numbers[1]) else { return nil }
            return WyckoffPosition(letter: String(letter), multiplicity: multiplicity, freeParameters: free)
        }
    }
}
